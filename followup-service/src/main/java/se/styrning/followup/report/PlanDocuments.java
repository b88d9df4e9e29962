package se.styrning.followup.report;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.followup.ReadAccess;
import se.styrning.followup.readmodel.IndicatorTarget;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.followup.readmodel.ReportingAssignment;
import se.styrning.followup.readmodel.ReportingFocusArea;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingInvestment;
import se.styrning.followup.readmodel.ReportingOperatingBudget;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Assembles a {@link PlanDocument} from followup-service's copy of the plan and of the budget. */
@ApplicationScoped
public class PlanDocuments {

    /** The columns of the investment table: the plan's year and at most this many after it. */
    static final int INVESTMENT_YEARS_AFTER = 3;
    private static final List<String> GROUPS = List.of("DECIDED", "NEW_NEED", "REINVESTMENT");

    private final ReadAccess access;
    private final Clock clock;
    private final long maxActivities;

    /** @param maxActivities the same limit as a report's: a plan larger than a report holds is refused, not built */
    PlanDocuments(ReadAccess access, Clock clock,
                  @ConfigProperty(name = "styrning.reports.max-activities", defaultValue = "50000") long maxActivities) {
        this.access = access;
        this.clock = clock;
        this.maxActivities = maxActivities;
    }

    /** The plan for a caller with a token: an adopted plan for anyone, a draft for those who may read its unit's. */
    @Transactional
    public PlanDocument read(UUID planId) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        if (!PlanDocument.PUBLIC.contains(plan.status)) {
            access.require(plan.unitId);
        }
        return assemble(plan, false);
    }

    /**
     * The plan if it is a public document (adopted or closed); empty for a draft, as if there were none. Its operating
     * budget shows the adopted budgets only: a draft (utkast) is not yet a public document.
     */
    @Transactional
    public Optional<PlanDocument> published(UUID planId) {
        return ReportingPlan.<ReportingPlan>findByIdOptional(planId).filter(plan -> PlanDocument.PUBLIC.contains(plan.status))
                .map(plan -> assemble(plan, true));
    }

    private PlanDocument assemble(ReportingPlan plan, boolean adoptedBudgetsOnly) {
        long activities = ReportingActivity.count("planId", plan.id);
        if (activities > maxActivities) {
            throw ProblemException.tooLarge("The plan has " + activities + " activities; a document holds at most "
                    + maxActivities + " (styrning.reports.max-activities)");
        }
        Map<UUID, ReportingUnit> units = ReportingUnit.<ReportingUnit>listAll().stream()
                .collect(Collectors.toMap(unit -> unit.id, Function.identity()));
        List<ReportingUnit> area = budgetArea(plan.unitId, units);
        ReportingUnit unit = units.get(plan.unitId);
        return new PlanDocument(plan.id, plan.title, plan.year, plan.unitId, unit == null ? null : unit.name, plan.status,
                plan.adoptedBy, plan.adoptedOn, Instant.now(clock), area.isEmpty() ? null : area.get(0).id,
                area.isEmpty() ? null : area.get(0).name, focusAreas(plan.id, units), indicators(plan),
                operatingBudget(plan.year, area, adoptedBudgetsOnly), investments(plan.year, area));
    }

    private static List<PlanDocument.FocusArea> focusAreas(UUID planId, Map<UUID, ReportingUnit> units) {
        List<ReportingAssignment> assignments = ReportingAssignment.list("planId", Sort.by("position").and("number"), planId);
        List<ReportingActivity> activities = ReportingActivity.list("planId", Sort.by("position").and("title"), planId);
        Nesting<ReportingAssignment> assignmentTree = new Nesting<>(assignments, a -> a.id, a -> a.focusAreaId,
                a -> a.parentAssignmentId);
        Nesting<ReportingActivity> activityTree = new Nesting<>(activities, a -> a.id, a -> a.assignmentId,
                a -> a.parentActivityId);
        return ReportingFocusArea.<ReportingFocusArea>list("planId", Sort.by("position").and("code"), planId).stream()
                .map(area -> new PlanDocument.FocusArea(area.code, area.title, area.description,
                        assignmentTree.below(area.id).stream().map(placed -> new PlanDocument.Assignment(
                                placed.row().number, placed.row().title, placed.row().description, placed.row().kind,
                                placed.depth(), activityTree.below(placed.row().id).stream()
                                .map(activity -> activity(activity, units)).toList())).toList()))
                .toList();
    }

    private static PlanDocument.Activity activity(Nesting.Placed<ReportingActivity> placed, Map<UUID, ReportingUnit> units) {
        ReportingActivity a = placed.row();
        ReportingUnit responsible = a.responsibleUnitId == null ? null : units.get(a.responsibleUnitId);
        return new PlanDocument.Activity(a.title, a.description, responsible == null ? null : responsible.name,
                a.startDate, a.endDate, a.project, a.sourceReference, a.cancelled, placed.depth());
    }

    /** Region-wide before the administration's own, each by category, as seed 003 §4 and seed 001 §3.3 group them. */
    private static List<PlanDocument.Indicator> indicators(ReportingPlan plan) {
        List<ReportingIndicator> indicators = ReportingIndicator.list("planId", Sort.by("position").and("name"), plan.id);
        Map<UUID, IndicatorTarget> targets = indicators.isEmpty() ? Map.of()
                : IndicatorTarget.<IndicatorTarget>list("key.indicatorId in ?1 and key.year = ?2",
                        indicators.stream().map(i -> i.id).toList(), plan.year).stream()
                .collect(Collectors.toMap(t -> t.key.indicatorId(), Function.identity()));
        return indicators.stream()
                .sorted(IndicatorGroups.ORDER)
                .map(i -> {
                    IndicatorTarget target = targets.get(i.id);
                    return new PlanDocument.Indicator(i.name, i.description, i.category, i.level, i.unit, i.direction,
                            i.frequency, i.genderSplit, target == null ? null : target.total,
                            target == null || !i.genderSplit ? null : target.women,
                            target == null || !i.genderSplit ? null : target.men);
                })
                .toList();
    }

    /**
     * The units whose budgets the plan prints ({@link PlanDocument#BUDGET_AREA}): the plan's unit and those below it,
     * then the rest of its board's subtree, each level by name.
     */
    static List<ReportingUnit> budgetArea(UUID planUnitId, Map<UUID, ReportingUnit> units) {
        Set<UUID> above = new HashSet<>();
        ReportingUnit root = units.get(planUnitId);
        for (ReportingUnit up = root; up != null && above.add(up.id); up = up.parentId == null ? null : units.get(up.parentId)) {
            if ("BOARD".equals(up.kind)) {
                root = up;
                break;
            }
        }
        if (root == null) {
            return List.of();
        }
        Map<UUID, List<ReportingUnit>> children = units.values().stream().filter(u -> u.parentId != null)
                .collect(Collectors.groupingBy(u -> u.parentId));
        Comparator<ReportingUnit> order = Comparator.comparing((ReportingUnit u) -> !above.contains(u.id))
                .thenComparing(u -> u.name).thenComparing(u -> u.id);
        List<ReportingUnit> area = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Deque<ReportingUnit> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            ReportingUnit unit = next.pop();
            if (!seen.add(unit.id)) {
                continue; // a cycle in the copy: each unit once
            }
            area.add(unit);
            List<ReportingUnit> below = new ArrayList<>(children.getOrDefault(unit.id, List.of()));
            below.sort(order.reversed());
            below.forEach(next::push);
        }
        return area;
    }

    private static List<PlanDocument.BudgetColumn> operatingBudget(int year, List<ReportingUnit> area, boolean adoptedOnly) {
        if (area.isEmpty()) {
            return List.of();
        }
        Map<UUID, ReportingOperatingBudget> budgets = ReportingOperatingBudget.<ReportingOperatingBudget>list(
                        "year = ?1 and unitId in ?2", year, area.stream().map(u -> u.id).toList()).stream()
                .filter(b -> !adoptedOnly || "ADOPTED".equals(b.status))
                .collect(Collectors.toMap(b -> b.unitId, Function.identity(), (a, b) -> a.version >= b.version ? a : b));
        return area.stream().filter(unit -> budgets.containsKey(unit.id)).map(unit -> {
            ReportingOperatingBudget b = budgets.get(unit.id);
            return new PlanDocument.BudgetColumn(unit.id, unit.name, b.revenue, b.staffCosts, b.otherCosts, b.netBudget,
                    b.status, b.adoptedOn);
        }).toList();
    }

    /**
     * The projects with an amount in the plan's year, by owner as the units are ordered; under each owner those
     * without a group first, then by group (seed 001's order), each in the order they were entered.
     */
    private static PlanDocument.Investments investments(int year, List<ReportingUnit> area) {
        if (area.isEmpty()) {
            return new PlanDocument.Investments(List.of(year), List.of(), List.of(BigDecimal.ZERO));
        }
        List<ReportingInvestment> listed = ReportingInvestment.<ReportingInvestment>find(
                        "select distinct i from ReportingInvestment i left join fetch i.amounts where i.ownerUnitId in ?1 "
                                + "order by i.received", area.stream().map(u -> u.id).toList()).list().stream()
                .filter(i -> i.amounts.containsKey(year))
                .sorted(Comparator.comparingInt(i -> i.group == null ? -1 : IndicatorGroups.rank(GROUPS, i.group))).toList();
        int last = listed.stream().flatMap(i -> i.amounts.keySet().stream())
                .filter(y -> y >= year && y <= year + INVESTMENT_YEARS_AFTER).max(Integer::compare).orElse(year);
        List<Integer> years = new ArrayList<>();
        for (int y = year; y <= last; y++) {
            years.add(y);
        }
        Map<UUID, List<ReportingInvestment>> byOwner = new HashMap<>();
        listed.forEach(i -> byOwner.computeIfAbsent(i.ownerUnitId, owner -> new ArrayList<>()).add(i));
        List<PlanDocument.Owner> owners = area.stream().filter(unit -> byOwner.containsKey(unit.id)).map(unit -> {
            List<PlanDocument.Investment> lines = byOwner.get(unit.id).stream().map(i -> new PlanDocument.Investment(
                    i.name, i.group, i.kind, i.totalProjectBudget, years.stream().map(i.amounts::get).toList())).toList();
            return new PlanDocument.Owner(unit.id, unit.name, lines, sums(years, lines.stream().map(PlanDocument.Investment::amounts).toList()));
        }).toList();
        return new PlanDocument.Investments(years, owners, sums(years, owners.stream().map(PlanDocument.Owner::sums).toList()));
    }

    private static List<BigDecimal> sums(List<Integer> years, List<List<BigDecimal>> rows) {
        List<BigDecimal> sums = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            int column = i;
            sums.add(rows.stream().map(row -> row.get(column)).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return sums;
    }
}
