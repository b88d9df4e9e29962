package se.styrning.plan;

import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Checks a whole {@link PlanDocument} before anything is written, collecting every problem with its path. */
final class PlanDocumentCheck {

    private final int year;
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final Map<String, UUID> units = new HashMap<>();

    private PlanDocumentCheck(int year) {
        this.year = year;
    }

    private UUID unit(String path, String code) {
        if (!units.containsKey(code)) {
            OrganisationUnit.findByCode(code).ifPresentOrElse(u -> units.put(code, u.id),
                    () -> errors.add(new Problem.FieldError(path, "no unit has code " + code)));
        }
        return units.get(code);
    }

    private void unique(Set<String> seen, String value, String path, String message) {
        if (!seen.add(value)) {
            errors.add(new Problem.FieldError(path, message + value));
        }
    }

    private void assignment(PlanDocument.Assignment assignment, String path, Set<String> numbers, int level) {
        unique(numbers, assignment.number(), path + ".number", "another assignment of the focus area has number ");
        if (!assignment.assignmentsOrEmpty().isEmpty() && assignment.kind() != AssignmentKind.REGION_WIDE) {
            errors.add(new Problem.FieldError(path + ".kind", "only a REGION_WIDE assignment has assignments under it"));
        }
        if (level > Assignment.MAX_DEPTH) {
            errors.add(new Problem.FieldError(path, "assignments nest at most " + Assignment.MAX_DEPTH + " levels deep"));
            return;
        }
        for (int i = 0; i < assignment.assignmentsOrEmpty().size(); i++) {
            assignment(assignment.assignmentsOrEmpty().get(i), path + ".assignments[" + i + "]", numbers, level + 1);
        }
        for (int i = 0; i < assignment.activitiesOrEmpty().size(); i++) {
            activity(assignment.activitiesOrEmpty().get(i), path + ".activities[" + i + "]", 1);
        }
    }

    private void activity(PlanDocument.Activity activity, String path, int level) {
        if (level > Activity.MAX_DEPTH) {
            errors.add(new Problem.FieldError(path, "sub-activities nest at most " + Activity.MAX_DEPTH + " levels deep"));
            return;
        }
        if (activity.responsibleUnitCode() != null) {
            unit(path + ".responsibleUnitCode", activity.responsibleUnitCode());
        }
        if (activity.startDate() != null && activity.endDate() != null && activity.endDate().isBefore(activity.startDate())) {
            errors.add(new Problem.FieldError(path + ".endDate", "must not be before startDate"));
        }
        if (activity.status() != null && activity.status().effectiveDate() != null) {
            LocalDate effective = activity.status().effectiveDate();
            if (effective.getYear() != year || effective.isAfter(LocalDate.now(StatusService.REGION_TIME))) {
                errors.add(new Problem.FieldError(path + ".status.effectiveDate",
                        "must lie within the plan year " + year + " and not in the future"));
            }
        }
        for (int i = 0; i < activity.subActivitiesOrEmpty().size(); i++) {
            activity(activity.subActivitiesOrEmpty().get(i), path + ".subActivities[" + i + "]", level + 1);
        }
    }

    private void indicator(PlanDocument.Indicator indicator, String path, Set<String> names) {
        unique(names, indicator.name(), path + ".name", "another indicator is named ");
        String figure = Indicator.economyFigureProblem(indicator.name(), indicator.source(), indicator.externalCode());
        if (figure != null) {
            errors.add(new Problem.FieldError(path + ".externalCode", figure));
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < indicator.targetsOrEmpty().size(); i++) {
            PlanDocument.Target target = indicator.targetsOrEmpty().get(i);
            String at = path + ".targets[" + i + "]";
            if (!years.add(target.year())) {
                errors.add(new Problem.FieldError(at + ".year", "another target is for " + target.year()));
            }
            boolean split = target.women() != null && target.men() != null;
            boolean none = target.women() == null && target.men() == null;
            if (indicator.genderSplit() ? !split : !none) {
                errors.add(new Problem.FieldError(at, indicator.genderSplit()
                        ? "women and men are required: the indicator is split by gender"
                        : "women and men must be left out: the indicator is not split by gender"));
            }
        }
    }

    /** Every problem of the document at once, each with its path; returns the unit ids by code. */
    static Map<String, UUID> check(PlanDocument document) {
        PlanDocumentCheck check = new PlanDocumentCheck(document.year());
        UUID unit = check.unit("unitCode", document.unitCode());
        if (unit != null && Plan.count("unitId = ?1 and year = ?2", unit, document.year()) > 0) {
            throw ProblemException.conflict("Unit " + document.unitCode() + " already has a plan for " + document.year());
        }
        Set<String> codes = new HashSet<>();
        for (int a = 0; a < document.focusAreasOrEmpty().size(); a++) {
            PlanDocument.FocusArea area = document.focusAreasOrEmpty().get(a);
            String path = "focusAreas[" + a + "]";
            check.unique(codes, area.code(), path + ".code", "another focus area has code ");
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < area.assignmentsOrEmpty().size(); i++) {
                check.assignment(area.assignmentsOrEmpty().get(i), path + ".assignments[" + i + "]", numbers, 1);
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < document.indicatorsOrEmpty().size(); i++) {
            check.indicator(document.indicatorsOrEmpty().get(i), "indicators[" + i + "]", names);
        }
        if (!check.errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The plan document has " + check.errors.size()
                    + " problem(s); nothing was imported", check.errors));
        }
        return check.units;
    }
}
