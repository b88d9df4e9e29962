package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.PlanTree;

import java.util.List;

/** A whole plan: focus areas → assignments → activities with their current status. */
@Schema(description = "A whole plan: focus areas → assignments → activities with their current status")
public record PlanTreeResponse(PlanResponse plan, List<AreaNode> focusAreas) {

    @Schema(description = "A focus area with its assignments")
    public record AreaNode(FocusAreaResponse focusArea, List<AssignmentNode> assignments) {
    }

    @Schema(description = "An assignment with the assignments under it and its activities")
    public record AssignmentNode(AssignmentResponse assignment, List<AssignmentNode> assignments,
                                 List<ActivityNode> activities) {
    }

    @Schema(description = "An activity with its sub-activities")
    public record ActivityNode(ActivityResponse activity, List<ActivityNode> subActivities) {
    }

    public static PlanTreeResponse from(PlanTree tree) {
        return new PlanTreeResponse(PlanResponse.from(tree.plan()), tree.focusAreas().stream()
                .map(area -> new AreaNode(FocusAreaResponse.from(area.focusArea()),
                        area.assignments().stream().map(PlanTreeResponse::assignment).toList()))
                .toList());
    }

    private static AssignmentNode assignment(PlanTree.AssignmentNode node) {
        return new AssignmentNode(AssignmentResponse.from(node.assignment()),
                node.assignments().stream().map(PlanTreeResponse::assignment).toList(),
                node.activities().stream().map(PlanTreeResponse::activity).toList());
    }

    private static ActivityNode activity(PlanTree.ActivityNode node) {
        return new ActivityNode(ActivityResponse.from(node.activity()),
                node.subActivities().stream().map(PlanTreeResponse::activity).toList());
    }
}
