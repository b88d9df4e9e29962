package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.followup.event.CalendarChanged;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Setting and removing follow-up calendars: the region's default by an administrator, a unit's or a plan's by a
 * controller of that unit (or one above it); audited and published as {@code calendar-changed}.
 */
@ApplicationScoped
public class CalendarService {

    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final Clock clock;

    CalendarService(Changes changes, UnitAccess access, CurrentSubject subject, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.subject = subject;
        this.clock = clock;
    }

    /** Whose calendar: the region's default (both null), a unit's or a plan's. */
    public record Owner(UUID unitId, UUID planId) {
        public static final Owner DEFAULT = new Owner(null, null);
    }

    public record Result(FollowupCalendar calendar, boolean created) {
    }

    @Transactional
    public Result set(int year, Owner owner, List<PeriodDeadlines> periods, String ifMatch) {
        requireWrite(year, owner);
        CalendarRules.check(year, periods);
        List<PeriodDeadlines> canonical = periods.stream().map(deadlines -> new PeriodDeadlines(
                Period.parse(deadlines.period(), "period").toString(), deadlines.statusReports(), deadlines.assessments(),
                deadlines.approval())).toList();
        FollowupCalendar calendar = FollowupCalendar.find(year, owner.unitId(), owner.planId()).orElse(null);
        if (calendar != null) {
            Versions.requireMatch(ifMatch, calendar.version);
            if (new HashSet<>(calendar.periods).equals(new HashSet<>(canonical))) {
                return new Result(calendar, false);
            }
        }
        boolean created = calendar == null;
        FollowupCalendar.State before = created ? null : calendar.state();
        if (created) {
            calendar = new FollowupCalendar();
            calendar.id = UUID.randomUUID();
            calendar.year = year;
            calendar.unitId = owner.unitId();
            calendar.planId = owner.planId();
        }
        calendar.periods.clear();
        calendar.periods.addAll(canonical);
        calendar.changedBy = subject.name();
        calendar.changedAt = Instant.now(clock);
        calendar.persistAndFlush();
        FollowupCalendar.State after = calendar.state();
        changes.record(Change.saved("followup-calendar", calendar.id, before, after), changed(after, false));
        return new Result(calendar, created);
    }

    @Transactional
    public void remove(int year, Owner owner, String ifMatch) {
        requireWrite(year, owner);
        FollowupCalendar calendar = FollowupCalendar.find(year, owner.unitId(), owner.planId())
                .orElseThrow(() -> ProblemException.notFound("Follow-up calendar", year + describe(owner)));
        Versions.requireMatch(ifMatch, calendar.version);
        FollowupCalendar.State before = calendar.state();
        calendar.delete();
        FollowupCalendar.State removed = new FollowupCalendar.State(before.id(), year, before.scope(), before.unitId(),
                before.planId(), List.of(), before.version() + 1, subject.name(), Instant.now(clock));
        changes.record(Change.deleted("followup-calendar", calendar.id, before), changed(removed, true));
    }

    /** The default is the region's: only an administrator sets it. A unit's or plan's: a controller of that unit. */
    private void requireWrite(int year, Owner owner) {
        if (owner.planId() != null) {
            ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(owner.planId())
                    .orElseThrow(() -> ProblemException.notFound("Plan", owner.planId()));
            access.requireWrite(plan.unitId);
            if (plan.year != year) {
                throw ProblemException.invalidField("year", "the plan is for " + plan.year + ", not " + year);
            }
        } else if (owner.unitId() != null) {
            ReportingUnit.findByIdOptional(owner.unitId()).orElseThrow(() -> ProblemException.notFound("Unit", owner.unitId()));
            access.requireWrite(owner.unitId());
        } else {
            access.requireWrite(); // of no unit: only an administrator passes
        }
    }

    private static String describe(Owner owner) {
        return owner.planId() != null ? " of plan " + owner.planId()
                : owner.unitId() != null ? " of unit " + owner.unitId() : " (the region's default)";
    }

    private static CalendarChanged changed(FollowupCalendar.State state, boolean removed) {
        return new CalendarChanged(state.id(), state.year(), state.scope().name(), state.unitId(), state.planId(),
                state.periods().stream().map(deadlines -> new CalendarChanged.Deadlines(deadlines.period(),
                        deadlines.statusReports(), deadlines.assessments(), deadlines.approval())).toList(),
                removed, state.version(), state.changedBy(), state.changedAt());
    }
}
