package se.styrning.followup;

import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a follow-up calendar possible: each period once and in the calendar's year; each deadline after the
 * period has started (a status report may well be due before a month has ended) and at most a year after it has
 * ended (an annual report is approved in the spring); approval not before the other two deadlines.
 */
final class CalendarRules {

    private CalendarRules() {
    }

    /** Every problem at once, each naming its field ({@code periods[2].approval}); a 400 if there is any. */
    static void check(int year, List<PeriodDeadlines> periods) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            PeriodDeadlines deadlines = periods.get(i);
            String field = "periods[" + i + "].";
            Period period;
            try {
                period = Period.parse(deadlines.period(), field + "period");
            } catch (ProblemException notAPeriod) {
                errors.addAll(notAPeriod.problem().errors());
                continue;
            }
            if (period.year() != year) {
                errors.add(new Problem.FieldError(field + "period", period + " is not in the calendar's year " + year));
                continue;
            }
            if (!seen.add(period.toString())) {
                errors.add(new Problem.FieldError(field + "period", period + " is in the calendar twice"));
                continue;
            }
            for (DeadlineKind kind : DeadlineKind.values()) {
                LocalDate date = deadlines.deadline(kind);
                if (!date.isAfter(period.start())) {
                    errors.add(new Problem.FieldError(field + name(kind), "must be after " + period + " starts (" + period.start() + ")"));
                } else if (date.isAfter(period.end().plusYears(1))) {
                    errors.add(new Problem.FieldError(field + name(kind), "must be at most a year after " + period + " ends ("
                            + period.end().plusYears(1) + ")"));
                }
            }
            if (deadlines.approval().isBefore(deadlines.statusReports())) {
                errors.add(new Problem.FieldError(field + "approval", "must not be before the status reports' deadline ("
                        + deadlines.statusReports() + ")"));
            }
            if (deadlines.approval().isBefore(deadlines.assessments())) {
                errors.add(new Problem.FieldError(field + "approval", "must not be before the assessments' deadline ("
                        + deadlines.assessments() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The calendar cannot be kept: " + errors.size()
                    + (errors.size() == 1 ? " problem" : " problems"), errors));
        }
    }

    private static String name(DeadlineKind kind) {
        return switch (kind) {
            case STATUS_REPORTS -> "statusReports";
            case ASSESSMENTS -> "assessments";
            case APPROVAL -> "approval";
        };
    }
}
