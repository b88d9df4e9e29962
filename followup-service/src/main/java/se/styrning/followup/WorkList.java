package se.styrning.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.followup.report.IndicatorSection;
import se.styrning.followup.report.PeriodReports;
import se.styrning.followup.report.ReportRows;
import se.styrning.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is still missing in the follow-ups of a period, from followup-service's own tables: per plan of the period's
 * year whose follow-up is not frozen (closed or published, where nothing entered now would change the report):
 * <ul>
 *   <li>STATUS_MISSING: an activity, not cancelled, without a status report effective in the period, unless it was
 *   already DONE before the period began;</li>
 *   <li>COMMENT_MISSING: in a month, an activity the report's exception list prints off plan or partly on plan with
 *   "Kommentar saknas" ({@link PeriodReports#exceptionWithoutComment}); in a tertial or the year, which comment per
 *   assignment, an assignment assessed without a comment ({@link PeriodReports#commentsPerAssignment});</li>
 *   <li>ASSESSMENT_MISSING: an assignment not assessed for a tertial or the year (a month's follow-up, like seed 004's
 *   månadsuppföljning, reports activities and the economy; assignments are assessed at the interim and annual
 *   closings);</li>
 *   <li>OUTCOME_MISSING: an indicator due in the period by its frequency (MONTHLY in a month, TERTIAL in a tertial,
 *   YEARLY in the year) without an outcome; BUDGET indicators are read from the economy, never registered;</li>
 *   <li>DEVIATION_UNEXPLAINED: a cost object of the unit with a budget deviation open in the period's last month
 *   and no explanation ({@link WorkRows#unexplained}).</li>
 * </ul>
 */
@ApplicationScoped
public class WorkList {

    private static final Map<Period.Kind, String> DUE = Map.of(Period.Kind.MONTH, "MONTHLY",
            Period.Kind.TERTIAL, "TERTIAL", Period.Kind.YEAR, "YEARLY");

    private final EntityManager entityManager;

    WorkList(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The work the unit itself is responsible for in the period. */
    @Transactional
    public List<WorkItem> forUnit(UUID unitId, Period period) {
        return forUnits(Set.of(unitId), period);
    }

    /** The work each of the units is itself responsible for in the period (not that of the units below them). */
    @Transactional
    public List<WorkItem> forUnits(Collection<UUID> unitIds, Period period) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Set<UUID> units = Set.copyOf(unitIds);
        List<UUID> planIds = WorkRows.plansOf(entityManager, units, period.year());
        Set<UUID> frozen = WorkRows.frozen(entityManager, planIds, period);
        Map<UUID, ReportingPlan> plans = planIds.isEmpty() ? Map.of() : ReportingPlan.<ReportingPlan>list("id in ?1", planIds)
                .stream().collect(Collectors.toMap(plan -> plan.id, Function.identity()));
        List<WorkItem> items = new ArrayList<>();
        for (UUID planId : planIds) {
            if (!frozen.contains(planId)) {
                planWork(plans.get(planId), period).stream().filter(item -> units.contains(item.unitId())).forEach(items::add);
            }
        }
        Map<UUID, ReportingPlan> byUnit = plans.values().stream().filter(plan -> units.contains(plan.unitId))
                .collect(Collectors.toMap(plan -> plan.unitId, Function.identity(), (one, other) -> one));
        for (WorkRows.Unexplained deviation : WorkRows.unexplained(entityManager, units, lastMonth(period))) {
            ReportingPlan plan = byUnit.get(deviation.unitId());
            if (plan == null || !frozen.contains(plan.id)) {
                items.add(item(deviation, plan == null ? null : plan.id));
            }
        }
        return byKind(items);
    }

    /** All open work of one plan's follow-up: of every unit responsible for part of it. */
    @Transactional
    public List<WorkItem> forPlan(UUID planId, Period period) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        if (plan.year != period.year() || !WorkRows.frozen(entityManager, List.of(planId), period).isEmpty()) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>(planWork(plan, period));
        WorkRows.unexplained(entityManager, List.of(plan.unitId), lastMonth(period))
                .forEach(deviation -> items.add(item(deviation, planId)));
        return byKind(items);
    }

    /** The open work of the unit and of each unit below it, counted per unit and kind. */
    @Transactional
    public WorkOverview overview(UUID unitId, Period period) {
        if (ReportingUnit.findById(unitId) == null) {
            throw ProblemException.notFound("Unit", unitId);
        }
        List<WorkRows.Below> subtree = WorkRows.subtree(entityManager, unitId);
        Map<UUID, ReportingUnit> units = ReportingUnit.<ReportingUnit>list("id in ?1", subtree.stream().map(WorkRows.Below::id).toList())
                .stream().collect(Collectors.toMap(unit -> unit.id, Function.identity()));
        Map<UUID, List<WorkKind>> work = forUnits(units.keySet(), period).stream().collect(Collectors.groupingBy(WorkItem::unitId,
                Collectors.mapping(WorkItem::kind, Collectors.toList())));
        return WorkOverview.of(unitId, period.toString(), subtree.stream().map(below -> {
            ReportingUnit unit = units.get(below.id());
            List<WorkKind> kinds = work.getOrDefault(unit.id, List.of());
            return new WorkOverview.UnitWork(unit.id, unit.code, unit.name, unit.parentId, below.depth(),
                    WorkOverview.counts(kinds), kinds.size(), kinds.isEmpty());
        }).toList());
    }

    private List<WorkItem> planWork(ReportingPlan plan, Period period) {
        List<WorkItem> items = new ArrayList<>();
        LocalDate start = period.start();
        Map<UUID, ReportRows.Status> atEnd = ReportRows.inEffect(entityManager, List.of(plan.id), period.end()).stream()
                .collect(Collectors.toMap(ReportRows.Status::activityId, Function.identity()));
        Set<UUID> doneBefore = ReportRows.inEffect(entityManager, List.of(plan.id), start.minusDays(1)).stream()
                .filter(status -> PeriodReports.DONE.equals(status.status())).map(ReportRows.Status::activityId)
                .collect(Collectors.toSet());
        Set<UUID> reported = WorkRows.reportedWithin(entityManager, plan.id, start, period.end());
        for (WorkRows.Activity activity : WorkRows.activities(entityManager, plan.id)) {
            String link = "/api/activities/" + activity.id() + "/status";
            if (!activity.cancelled() && !reported.contains(activity.id()) && !doneBefore.contains(activity.id())) {
                items.add(new WorkItem(WorkKind.STATUS_MISSING, activity.unitId(), plan.id, activity.id(), activity.title(), link));
            }
            if (PeriodReports.exceptionWithoutComment(period, activity.cancelled(), activity.project(), atEnd.get(activity.id()))) {
                items.add(new WorkItem(WorkKind.COMMENT_MISSING, activity.unitId(), plan.id, activity.id(), activity.title(), link));
            }
        }
        if (PeriodReports.commentsPerAssignment(period)) {
            Map<UUID, ReportRows.Assessed> assessed = ReportRows.assessments(entityManager, List.of(plan.id), period).stream()
                    .collect(Collectors.toMap(ReportRows.Assessed::assignmentId, Function.identity()));
            for (ReportRows.Assignment assignment : ReportRows.assignments(entityManager, List.of(plan.id))) {
                ReportRows.Assessed assessment = assessed.get(assignment.id());
                WorkKind kind = assessment == null ? WorkKind.ASSESSMENT_MISSING
                        : PeriodReports.assessmentWithoutComment(assessment) ? WorkKind.COMMENT_MISSING : null;
                if (kind != null) {
                    items.add(new WorkItem(kind, plan.unitId, plan.id, assignment.id(),
                            assignment.number() + " " + assignment.title(), "/api/assessments/" + assignment.id() + "/" + period));
                }
            }
        }
        Set<UUID> recorded = IndicatorOutcome.<IndicatorOutcome>list("planId = ?1 and period = ?2", plan.id, period.toString())
                .stream().map(outcome -> outcome.indicatorId).collect(Collectors.toSet());
        ReportingIndicator.<ReportingIndicator>list("planId", Sort.by("position").and("name"), plan.id).stream()
                .filter(indicator -> DUE.get(period.kind()).equals(indicator.frequency)
                        && !IndicatorSection.BUDGET.equals(indicator.source) && !recorded.contains(indicator.id))
                .forEach(indicator -> items.add(new WorkItem(WorkKind.OUTCOME_MISSING, plan.unitId, plan.id, indicator.id,
                        indicator.name, "/api/indicator-outcomes/" + indicator.id + "/" + period)));
        return items;
    }

    private static WorkItem item(WorkRows.Unexplained deviation, UUID planId) {
        return new WorkItem(WorkKind.DEVIATION_UNEXPLAINED, deviation.unitId(), planId, deviation.costObjectId(),
                deviation.code() + " " + deviation.name(),
                "/api/cost-objects/" + deviation.costObjectId() + "/outcomes/" + YearMonth.from(deviation.month()));
    }

    private static LocalDate lastMonth(Period period) {
        return YearMonth.from(period.end()).atDay(1);
    }

    /** By kind, and within a kind in the order found: plans by title, each in the report's order. */
    private static List<WorkItem> byKind(List<WorkItem> items) {
        items.sort(Comparator.comparing(WorkItem::kind));
        return items;
    }
}
