package se.styrning.plan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Next year's plan from this year's: the same focus areas, assignments and indicators, and the activities that
 * are not done carried over with a fresh status — so next year is planned while this one is followed up.
 * Built through the use-case services, so every copied item is checked, audited and published as a creation.
 */
@ApplicationScoped
public class PlanCopier {

    private final PlanService plans;
    private final FocusAreaService focusAreas;
    private final AssignmentService assignments;
    private final ActivityService activities;
    private final IndicatorService indicators;
    private final PlanGuard guard;
    private final PlanTrees trees;

    PlanCopier(PlanService plans, FocusAreaService focusAreas, AssignmentService assignments,
               ActivityService activities, IndicatorService indicators, PlanGuard guard, PlanTrees trees) {
        this.guard = guard;
        this.trees = trees;
        this.plans = plans;
        this.focusAreas = focusAreas;
        this.assignments = assignments;
        this.activities = activities;
        this.indicators = indicators;
    }

    @Transactional
    public Plan copy(UUID sourceId, int year) {
        Plan source = guard.actionable(sourceId);
        if (year <= source.year) {
            throw ProblemException.invalidField("year", "must come after the copied plan's year " + source.year);
        }
        PlanTree tree = trees.read(source);
        Plan copy = plans.create(source.unitId, year,
                source.title.replace(Integer.toString(source.year), Integer.toString(year)));
        for (PlanTree.AreaNode area : tree.focusAreas()) {
            FocusArea from = area.focusArea();
            FocusArea to = focusAreas.create(copy.id, from.code, from.title, from.description, from.position);
            area.assignments().forEach(node -> copy(node, to.id, null));
        }
        for (Indicator from : Indicator.<Indicator>list("planId", Sort.by("position"), source.id)) {
            Indicator to = indicators.create(copy.id, from.content());
            IndicatorTarget.<IndicatorTarget>list("indicatorId = ?1 and year >= ?2", from.id, year).forEach(target ->
                    indicators.setTarget(to.id, target.year, target.total, target.women, target.men));
        }
        return copy;
    }

    private void copy(PlanTree.AssignmentNode node, UUID focusAreaId, UUID parentAssignmentId) {
        Assignment from = node.assignment();
        Assignment to = assignments.create(focusAreaId, new AssignmentService.Content(from.number, from.title,
                from.description, from.kind, parentAssignmentId, from.position));
        node.assignments().forEach(child -> copy(child, focusAreaId, to.id));
        node.activities().forEach(activity -> carryOver(activity, to.id, null));
    }

    private void carryOver(PlanTree.ActivityNode node, UUID assignmentId, UUID parentActivityId) {
        Activity from = node.activity();
        boolean continues = !from.cancelled && from.status != ActivityStatus.DONE;
        UUID parent = continues ? activities.carryOver(assignmentId, from, parentActivityId).id : parentActivityId;
        node.subActivities().forEach(sub -> carryOver(sub, assignmentId, parent));
    }
}
