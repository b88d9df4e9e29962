package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Assignment;
import se.styrning.plan.AssignmentKind;

import java.util.UUID;

@Schema(description = "An assignment (uppdrag); ETag is its version")
public record AssignmentResponse(UUID id, UUID planId, UUID focusAreaId, String number, String title,
                                 String description, AssignmentKind kind, UUID parentAssignmentId, int position,
                                 long version) {
    public static AssignmentResponse from(Assignment assignment) {
        return new AssignmentResponse(assignment.id, assignment.planId, assignment.focusAreaId, assignment.number,
                assignment.title, assignment.description, assignment.kind, assignment.parentAssignmentId,
                assignment.position, assignment.version);
    }
}
