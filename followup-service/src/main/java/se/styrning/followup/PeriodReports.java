package se.styrning.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds period reports from followup-service's own tables only, in a fixed number of queries. The rows are read
 * read-only, and a plan larger than {@code styrning.reports.max-activities} is refused with a problem rather than
 * allowed to exhaust the heap.
 */
@ApplicationScoped
public class PeriodReports {

    static final String NOT_STARTED = "NOT_STARTED";
    static final String DONE = "DONE";
    static final Set<String> EXCEPTIONS = Set.of("OFF_PLAN", "PARTLY_ON_PLAN");
    static final List<String> STATUSES = List.of("NOT_STARTED", "ONGOING", "PARTLY_ON_PLAN", "OFF_PLAN", "PAUSED", "DONE");

    private final EntityManager entityManager;
    private final long maxActivities;

    PeriodReports(EntityManager entityManager,
                  @ConfigProperty(name = "styrning.reports.max-activities", defaultValue = "50000") long maxActivities) {
        this.entityManager = entityManager;
        this.maxActivities = maxActivities;
    }

    public PeriodReport build(UUID planId, Period period) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        long activityCount = ReportingActivity.count("planId", planId);
        if (activityCount > maxActivities) {
            throw ProblemException.tooLarge("The plan has " + activityCount + " activities; a report holds at most "
                    + maxActivities + " (styrning.reports.max-activities)");
        }
        // Reading only: no copies kept for dirty checking, and no flush of thousands of rows before each query.
        Session session = entityManager.unwrap(Session.class);
        boolean wasReadOnly = session.isDefaultReadOnly();
        FlushMode flushMode = session.getHibernateFlushMode();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return build(plan, period);
        } finally {
            session.setDefaultReadOnly(wasReadOnly);
            session.setHibernateFlushMode(flushMode);
        }
    }

    private PeriodReport build(ReportingPlan plan, Period period) {
        UUID planId = plan.id;
        ReportingUnit unit = ReportingUnit.findById(plan.unitId);
        LocalDate end = period.end();

        List<ReportingFocusArea> areas = ReportingFocusArea.list("planId", Sort.by("position").and("code"), planId);
        List<ReportRows.Activity> activities = ReportRows.activities(entityManager, planId);
        Map<UUID, ReportRows.Status> inEffect = new HashMap<>();
        ReportRows.inEffect(entityManager, planId, end).forEach(status -> inEffect.put(status.activityId(), status));
        Map<UUID, ReportRows.Assessed> assessed = new HashMap<>();
        ReportRows.assessments(entityManager, planId, period)
                .forEach(assessment -> assessed.put(assessment.assignmentId(), assessment));
        Tree tree = new Tree(ReportRows.assignments(entityManager, planId), activities, inEffect, assessed, end);
        List<PeriodReport.AreaSection> sections = areas.stream()
                .map(area -> new PeriodReport.AreaSection(area.code, area.title,
                        tree.assignmentsUnder(area.id)))
                .toList();

        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        activities.stream().filter(a -> !a.cancelled())
                .forEach(a -> byStatus.merge(tree.status(a), 1L, Long::sum));

        PeriodReport.Economy economy = EconomySection.of(plan.unitId, period);
        return new PeriodReport(ReportState.OPEN, null, Instant.now(), plan.id, plan.title, plan.year, plan.unitId, unit == null ? null : unit.name,
                period.toString(), end, byStatus, sections, tree.exceptions(sections),
                IndicatorSection.of(planId, period, economy), economy);
    }

    /** The plan's assignments and activities, grouped for nesting, with the status in effect of each activity. */
    private static final class Tree {
        private final Map<UUID, List<ReportRows.Assignment>> assignmentsByParent;
        private final Map<UUID, List<ReportRows.Activity>> activitiesByParent;
        private final Map<UUID, ReportRows.Status> inEffect;
        private final Map<UUID, ReportRows.Assessed> assessed;
        private final LocalDate end;

        Tree(List<ReportRows.Assignment> assignments, List<ReportRows.Activity> activities,
             Map<UUID, ReportRows.Status> inEffect, Map<UUID, ReportRows.Assessed> assessed, LocalDate end) {
            this.assessed = assessed;
            this.end = end;
            this.assignmentsByParent = assignments.stream().collect(Collectors.groupingBy(
                    ReportRows.Assignment::parent, LinkedHashMap::new, Collectors.toList()));
            this.activitiesByParent = activities.stream().collect(Collectors.groupingBy(
                    ReportRows.Activity::parent, LinkedHashMap::new, Collectors.toList()));
            this.inEffect = inEffect;
        }

        List<PeriodReport.AssignmentSection> assignmentsUnder(UUID parent) {
            return assignmentsByParent.getOrDefault(parent, List.of()).stream().map(a -> {
                ReportRows.Assessed assessment = assessed.get(a.id());
                return new PeriodReport.AssignmentSection(a.number(), a.title(), a.kind(),
                        assessment == null ? null : assessment.fulfilment(),
                        assessment == null ? null : assessment.comment(),
                        assignmentsUnder(a.id()), activitiesUnder(a.id()));
            }).toList();
        }

        List<PeriodReport.ActivityLine> activitiesUnder(UUID parent) {
            return activitiesByParent.getOrDefault(parent, List.of()).stream().map(activity -> {
                ReportRows.Status report = inEffect.get(activity.id());
                String status = status(activity);
                boolean overdue = !activity.cancelled() && activity.endDate() != null
                        && activity.endDate().isBefore(end) && !DONE.equals(status);
                return new PeriodReport.ActivityLine(activity.id(), activity.title(), activity.endDate(),
                        activity.cancelled(), status, report == null ? null : report.comment(),
                        report == null || report.commentMissing(), report == null ? null : report.effectiveDate(),
                        overdue, activitiesUnder(activity.id()));
            }).toList();
        }

        String status(ReportRows.Activity activity) {
            ReportRows.Status report = inEffect.get(activity.id());
            return report == null ? NOT_STARTED : report.status();
        }

        List<PeriodReport.ExceptionLine> exceptions(List<PeriodReport.AreaSection> sections) {
            List<PeriodReport.ExceptionLine> lines = new ArrayList<>();
            sections.forEach(area -> area.assignments().forEach(assignment -> collect(assignment, lines)));
            return lines;
        }

        private void collect(PeriodReport.AssignmentSection assignment, List<PeriodReport.ExceptionLine> lines) {
            assignment.activities().forEach(activity -> collect(assignment, activity, lines));
            assignment.assignments().forEach(child -> collect(child, lines));
        }

        private void collect(PeriodReport.AssignmentSection assignment, PeriodReport.ActivityLine activity,
                             List<PeriodReport.ExceptionLine> lines) {
            if (!activity.cancelled() && (EXCEPTIONS.contains(activity.status()) || activity.overdue())) {
                lines.add(new PeriodReport.ExceptionLine(assignment.number(), assignment.title(), activity.status(),
                        activity.title(), activity.endDate(), activity.comment(), activity.commentMissing(),
                        activity.overdue()));
            }
            activity.subActivities().forEach(sub -> collect(assignment, sub, lines));
        }
    }
}
