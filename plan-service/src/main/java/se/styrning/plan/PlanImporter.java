package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/**
 * Creates a whole plan from a {@link PlanDocument} in one transaction: all or nothing. The document is checked
 * first and every problem is reported with its path (e.g. {@code focusAreas[2].assignments[0].activities[3].endDate});
 * then it is written through the use-case services, so each item is audited and published like any other change.
 */
@ApplicationScoped
public class PlanImporter {

    private final PlanService plans;
    private final FocusAreaService focusAreas;
    private final AssignmentService assignments;
    private final ActivityService activities;
    private final StatusService statuses;
    private final IndicatorService indicators;

    PlanImporter(PlanService plans, FocusAreaService focusAreas, AssignmentService assignments,
                 ActivityService activities, StatusService statuses, IndicatorService indicators) {
        this.plans = plans;
        this.focusAreas = focusAreas;
        this.assignments = assignments;
        this.activities = activities;
        this.statuses = statuses;
        this.indicators = indicators;
    }

    @Transactional
    public Plan importPlan(PlanDocument document) {
        Map<String, UUID> units = PlanDocumentCheck.check(document);
        Plan plan = plans.create(units.get(document.unitCode()), document.year(), document.title());
        int position = 0;
        for (PlanDocument.FocusArea area : document.focusAreasOrEmpty()) {
            FocusArea created = focusAreas.create(plan.id, area.code(), area.title(), area.description(), position++);
            int assignmentPosition = 0;
            for (PlanDocument.Assignment assignment : area.assignmentsOrEmpty()) {
                write(assignment, created.id, null, assignmentPosition++, units);
            }
        }
        position = 0;
        for (PlanDocument.Indicator indicator : document.indicatorsOrEmpty()) {
            Indicator created = indicators.create(plan.id, new Indicator.Content(indicator.name(), indicator.description(),
                    indicator.category(), indicator.level(), indicator.unit(), indicator.direction(),
                    indicator.frequency(), indicator.genderSplit(), indicator.externalCode(), indicator.source(), position++));
            for (PlanDocument.Target target : indicator.targetsOrEmpty()) {
                indicators.setTarget(created.id, target.year(), target.total(), target.women(), target.men());
            }
        }
        return plan;
    }

    private void write(PlanDocument.Assignment assignment, UUID focusAreaId, UUID parentId, int position,
                       Map<String, UUID> units) {
        Assignment created = assignments.create(focusAreaId, new AssignmentService.Content(assignment.number(),
                assignment.title(), assignment.description(), assignment.kind(), parentId, position));
        int childPosition = 0;
        for (PlanDocument.Assignment child : assignment.assignmentsOrEmpty()) {
            write(child, focusAreaId, created.id, childPosition++, units);
        }
        int activityPosition = 0;
        for (PlanDocument.Activity activity : assignment.activitiesOrEmpty()) {
            write(activity, created.id, null, activityPosition++, units);
        }
    }

    private void write(PlanDocument.Activity activity, UUID assignmentId, UUID parentId, int position,
                       Map<String, UUID> units) {
        Activity created = activities.create(assignmentId, new Activity.Content(activity.title(), activity.description(),
                activity.responsibleUnitCode() == null ? null : units.get(activity.responsibleUnitCode()),
                activity.owner(), activity.startDate(), activity.endDate(), Boolean.TRUE.equals(activity.project()),
                activity.sourceReference(), parentId, position));
        if (activity.status() != null) {
            statuses.report(created.id, null, activity.status().status(), activity.status().comment(),
                    activity.status().effectiveDate());
        }
        int subPosition = 0;
        for (PlanDocument.Activity sub : activity.subActivitiesOrEmpty()) {
            write(sub, assignmentId, created.id, subPosition++, units);
        }
    }
}
