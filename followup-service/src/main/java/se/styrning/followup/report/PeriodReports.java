package se.styrning.followup.report;

import io.quarkus.panache.common.Sort;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import se.styrning.followup.Period;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.followup.readmodel.ReportingFocusArea;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Supplier;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Builds period reports from followup-service's own tables only, in a fixed number of queries. The rows are read
 * read-only, and a plan larger than {@code styrning.reports.max-activities} is refused with a problem rather than
 * allowed to exhaust the heap.
 */
@ApplicationScoped
public class PeriodReports {

    static final String NOT_STARTED = "NOT_STARTED";
    public static final String DONE = "DONE";
    static final Set<String> EXCEPTIONS = Set.of("OFF_PLAN", "PARTLY_ON_PLAN");
    static final List<String> STATUSES = List.of("NOT_STARTED", "ONGOING", "PARTLY_ON_PLAN", "OFF_PLAN", "PAUSED", "DONE");
    /**
     * How many levels of sub-activities (and of assignments) a report nests; deeper ones are listed at the last
     * level, so none is lost. plan-service allows 5 (Activity.MAX_DEPTH); twice that shows every plan it accepts as
     * it is, and plans nested deeper before it had the limit nearly so, while the JSON stays far from the 1,000
     * levels Jackson writes at most (each level is two: the line and its list).
     */
    static final int MAX_LEVELS = 10;

    private final EntityManager entityManager;
    private final long maxActivities;

    PeriodReports(EntityManager entityManager,
                  @ConfigProperty(name = "styrning.reports.max-activities", defaultValue = "50000") long maxActivities) {
        this.entityManager = entityManager;
        this.maxActivities = maxActivities;
    }


    /**
     * The reports of several plans without what a roll-up takes from elsewhere: each plan unit's economy (unless an
     * indicator is read from it) and the texts. Their rows are read together, in as many statements as one plan's
     * (docs/performance.md: a roll-up of 50 plans read each table 50 times and its region's economy 51 times). The
     * caller has checked the plans' size.
     */
    public Map<UUID, PeriodReport> withoutEconomyAndTexts(List<ReportingPlan> plans, Period period) {
        if (plans.isEmpty()) {
            return Map.of();
        }
        return readOnly(() -> {
            List<UUID> ids = plans.stream().map(plan -> plan.id).toList();
            Rows all = Rows.of(entityManager, ids, period);
            Map<UUID, String> unitNames = new HashMap<>();
            ReportingUnit.<ReportingUnit>list("id in ?1", plans.stream().map(plan -> plan.unitId).distinct().toList())
                    .forEach(unit -> unitNames.put(unit.id, unit.name));
            Map<UUID, Set<String>> sources = new HashMap<>();
            ReportingIndicator.<ReportingIndicator>list("planId in ?1", ids)
                    .forEach(indicator -> sources.computeIfAbsent(indicator.planId, id -> new HashSet<>()).add(indicator.source));
            Map<UUID, PeriodReport> reports = new LinkedHashMap<>();
            for (ReportingPlan plan : plans) {
                Set<String> indicatorSources = sources.getOrDefault(plan.id, Set.of());
                PeriodReport.Economy economy = indicatorSources.contains(IndicatorSection.BUDGET)
                        ? EconomySection.of(plan.unitId, period) : noEconomy(period);
                reports.put(plan.id, assemble(plan, unitNames.get(plan.unitId), period, all.of(plan.id), economy,
                        indicatorSources.isEmpty() ? List.of() : IndicatorSection.of(plan, period, economy), List.of()));
            }
            return reports;
        });
    }

    @Timed(value = "styrning.report.build", extraTags = {"kind", "plan"}, histogram = true,
            description = "Time to build a report from the read model")
    public PeriodReport build(UUID planId, Period period) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        long activityCount = ReportingActivity.count("planId", planId);
        if (activityCount > maxActivities) {
            throw ProblemException.tooLarge("The plan has " + activityCount + " activities; a report holds at most "
                    + maxActivities + " (styrning.reports.max-activities)");
        }
        return readOnly(() -> build(plan, period));
    }

    /** Reading only: no copies kept for dirty checking, and no flush of thousands of rows before each query. */
    private <T> T readOnly(Supplier<T> read) {
        Session session = entityManager.unwrap(Session.class);
        boolean wasReadOnly = session.isDefaultReadOnly();
        FlushMode flushMode = session.getHibernateFlushMode();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return read.get();
        } finally {
            session.setDefaultReadOnly(wasReadOnly);
            session.setHibernateFlushMode(flushMode);
        }
    }

    private PeriodReport build(ReportingPlan plan, Period period) {
        ReportingUnit unit = ReportingUnit.findById(plan.unitId);
        Rows rows = Rows.of(entityManager, List.of(plan.id), period).of(plan.id);
        PeriodReport.Economy economy = EconomySection.of(plan.unitId, period);
        return assemble(plan, unit == null ? null : unit.name, period, rows, economy,
                IndicatorSection.of(plan, period, economy),
                ReportTexts.lines(ReportText.Report.PLAN, plan.id, period, areas(rows.areas())));
    }

    private static PeriodReport.Economy noEconomy(Period period) {
        return new PeriodReport.Economy(YearMonth.from(period.end()).toString(), "SEK", List.of(), List.of());
    }

    /** The report of a plan from its rows. */
    private static PeriodReport assemble(ReportingPlan plan, String unitName, Period period, Rows rows,
                                         PeriodReport.Economy economy, List<PeriodReport.IndicatorLine> indicators,
                                         List<TextLine> texts) {
        LocalDate end = period.end();
        Tree tree = new Tree(rows.assignments(), rows.activities(), rows.inEffect(), rows.assessed(), end,
                commentsPerAssignment(period));
        List<PeriodReport.AreaSection> sections = rows.areas().stream()
                .map(area -> new PeriodReport.AreaSection(area.code, area.title,
                        tree.assignmentsUnder(area.id, 1)))
                .toList();
        // counted from the lines listed, so the counts and the lines agree whatever the read model holds
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        List<PeriodReport.ExceptionLine> exceptions = new ArrayList<>();
        sections.forEach(area -> eachLine(area.assignments(), (assignment, activity) -> {
            if (!activity.cancelled()) {
                byStatus.merge(activity.status(), 1L, Long::sum);
            }
            if (!activity.cancelled() && (EXCEPTIONS.contains(activity.status()) || activity.overdue())) {
                exceptions.add(new PeriodReport.ExceptionLine(assignment.number(), assignment.title(),
                        activity.status(), activity.title(), activity.endDate(), activity.comment(),
                        activity.commentMissing(), activity.overdue()));
            }
        }));

        return new PeriodReport(ReportState.OPEN, null, null, null, null, null, Instant.now(), plan.id, plan.title,
                plan.year, plan.unitId, unitName, period.toString(), end, byStatus, sections, exceptions, indicators,
                economy, texts);
    }

    /** The rows plans' reports are built from: focus areas, assignments and activities by plan, and what they had. */
    private record Rows(List<ReportingFocusArea> areas, List<ReportRows.Assignment> assignments,
                        List<ReportRows.Activity> activities, Map<UUID, ReportRows.Status> inEffect,
                        Map<UUID, ReportRows.Assessed> assessed) {

        /** Every plan's rows, read together: five statements however many plans. */
        static Rows of(EntityManager entityManager, List<UUID> planIds, Period period) {
            Map<UUID, ReportRows.Status> inEffect = new HashMap<>();
            ReportRows.inEffect(entityManager, planIds, period.end()).forEach(status -> inEffect.put(status.activityId(), status));
            Map<UUID, ReportRows.Assessed> assessed = new HashMap<>();
            ReportRows.assessments(entityManager, planIds, period)
                    .forEach(assessment -> assessed.put(assessment.assignmentId(), assessment));
            return new Rows(ReportingFocusArea.<ReportingFocusArea>list("planId in ?1", Sort.by("position").and("code"), planIds),
                    ReportRows.assignments(entityManager, planIds), ReportRows.activities(entityManager, planIds),
                    inEffect, assessed);
        }

        /** One plan's part (the statuses and assessments are keyed by their own ids, so shared as they are). */
        Rows of(UUID planId) {
            return new Rows(areas.stream().filter(area -> area.planId.equals(planId)).toList(),
                    assignments.stream().filter(assignment -> assignment.planId().equals(planId)).toList(),
                    activities.stream().filter(activity -> activity.planId().equals(planId)).toList(), inEffect, assessed);
        }
    }

    /**
     * The plan's assignments and activities, nested, with the status in effect of each activity. Each is listed once
     * (see {@link Nesting}), and nesting stops at {@link PeriodReports#MAX_LEVELS}: what lies deeper is listed at
     * that level.
     */
    private static final class Tree {
        private final Nesting<ReportRows.Assignment> assignments;
        private final Nesting<ReportRows.Activity> activities;
        private final Map<UUID, ReportRows.Status> inEffect;
        private final Map<UUID, ReportRows.Assessed> assessed;
        private final LocalDate end;
        private final boolean perAssignment;

        Tree(List<ReportRows.Assignment> assignments, List<ReportRows.Activity> activities,
             Map<UUID, ReportRows.Status> inEffect, Map<UUID, ReportRows.Assessed> assessed, LocalDate end,
             boolean perAssignment) {
            this.assignments = new Nesting<>(assignments, ReportRows.Assignment::id, ReportRows.Assignment::focusAreaId,
                    ReportRows.Assignment::parentAssignmentId);
            this.activities = new Nesting<>(activities, ReportRows.Activity::id, ReportRows.Activity::assignmentId,
                    ReportRows.Activity::parentActivityId);
            this.inEffect = inEffect;
            this.assessed = assessed;
            this.end = end;
            this.perAssignment = perAssignment;
        }

        List<PeriodReport.AssignmentSection> assignmentsUnder(UUID parent, int level) {
            List<PeriodReport.AssignmentSection> sections = new ArrayList<>();
            for (ReportRows.Assignment assignment : assignments.under(parent)) {
                if (level < MAX_LEVELS) {
                    sections.add(section(assignment, assignmentsUnder(assignment.id(), level + 1)));
                } else {
                    assignments.subtree(assignment).forEach(each -> sections.add(section(each, List.of())));
                }
            }
            return sections;
        }

        private PeriodReport.AssignmentSection section(ReportRows.Assignment assignment,
                                                       List<PeriodReport.AssignmentSection> below) {
            ReportRows.Assessed assessment = assessed.get(assignment.id());
            return new PeriodReport.AssignmentSection(assignment.number(), assignment.title(), assignment.kind(),
                    assessment == null ? null : assessment.fulfilment(),
                    assessment == null ? null : assessment.comment(),
                    perAssignment && assessmentWithoutComment(assessment), below, activitiesUnder(assignment.id(), 1));
        }

        List<PeriodReport.ActivityLine> activitiesUnder(UUID parent, int level) {
            List<PeriodReport.ActivityLine> lines = new ArrayList<>();
            for (ReportRows.Activity activity : activities.under(parent)) {
                if (level < MAX_LEVELS) {
                    lines.add(line(activity, activitiesUnder(activity.id(), level + 1)));
                } else {
                    activities.subtree(activity).forEach(each -> lines.add(line(each, List.of())));
                }
            }
            return lines;
        }

        private PeriodReport.ActivityLine line(ReportRows.Activity activity, List<PeriodReport.ActivityLine> below) {
            ReportRows.Status report = inEffect.get(activity.id());
            String status = status(report);
            boolean overdue = !activity.cancelled() && activity.endDate() != null
                    && activity.endDate().isBefore(end) && !DONE.equals(status);
            return new PeriodReport.ActivityLine(activity.id(), activity.title(), activity.endDate(),
                    activity.cancelled(), status, report == null ? null : report.comment(),
                    !perAssignment && commentMissing(activity.project(), report),
                    report == null ? null : report.effectiveDate(),
                    overdue, below);
        }
    }

    /** The plan's focus areas, each of which its report has an analysis text for. */
    static List<ReportTexts.Area> areas(UUID planId) {
        return areas(ReportingFocusArea.<ReportingFocusArea>list("planId", Sort.by("position").and("code"), planId));
    }

    private static List<ReportTexts.Area> areas(List<ReportingFocusArea> areas) {
        return areas.stream().map(area -> new ReportTexts.Area(area.code, area.title)).toList();
    }

    /** The status an activity prints with: the report in effect, NOT_STARTED without one. */
    static String status(ReportRows.Status inEffect) {
        return inEffect == null ? NOT_STARTED : inEffect.status();
    }

    /**
     * Where the document's form asks for a comment. A month's report comments each activity (seed 004 §2); a
     * tertial's or a year's assesses each assignment and comments it there, listing its activities with their status
     * only (seed 002: Förvaltningens uppdrag | Kommentar | Aktiviteten), so there the assignment's comment is what can
     * be missing, not each activity's.
     */
    public static boolean commentsPerAssignment(Period period) {
        return period.kind() != Period.Kind.MONTH;
    }

    /** "Kommentar saknas" on an assignment, where the period comments per assignment: not assessed, or without a comment. */
    public static boolean assessmentWithoutComment(ReportRows.Assessed assessment) {
        return assessment == null || assessment.comment() == null || assessment.comment().isBlank();
    }

    /**
     * "Kommentar saknas" on an activity, where the period comments per activity: no report in effect, or one without
     * a comment. A project row has no comment column (seed 004 §2's second table), so it is never flagged.
     */
    static boolean commentMissing(boolean project, ReportRows.Status inEffect) {
        return !project && (inEffect == null || inEffect.commentMissing());
    }

    /**
     * The exception list prints the activity off plan or partly on plan with "Kommentar saknas": the work list's
     * COMMENT_MISSING, told by the same rule so the two agree.
     */
    public static boolean exceptionWithoutComment(Period period, boolean cancelled, boolean project, ReportRows.Status inEffect) {
        return !commentsPerAssignment(period) && !cancelled && EXCEPTIONS.contains(status(inEffect))
                && commentMissing(project, inEffect);
    }

    /** Each activity line under the assignments and the assignments below them, with the assignment it is under. */
    private static void eachLine(List<PeriodReport.AssignmentSection> assignments,
                                 BiConsumer<PeriodReport.AssignmentSection, PeriodReport.ActivityLine> action) {
        for (PeriodReport.AssignmentSection assignment : assignments) {
            ActivityLines.depthFirst(assignment.activities()).forEach(line -> action.accept(assignment, line.line()));
            eachLine(assignment.assignments(), action);
        }
    }
}
