package se.styrning.plan.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.plan.Activity;
import se.styrning.plan.ActivityService;
import se.styrning.plan.Assignment;
import se.styrning.plan.AssignmentService;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.UUID;

@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal hierarchy")
public class AssignmentResource {

    private final AssignmentService assignments;
    private final ActivityService activities;

    AssignmentResource(AssignmentService assignments, ActivityService activities) {
        this.assignments = assignments;
        this.activities = activities;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get an assignment; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        Assignment assignment = Assignment.require(id);
        return Responses.ok(assignment.version, AssignmentResponse.from(assignment));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Replace an assignment's fields; needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull AssignmentRequest request) {
        Assignment assignment = assignments.update(id, ifMatch, request.content());
        return Responses.ok(assignment.version, AssignmentResponse.from(assignment));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete an assignment without activities from a DRAFT plan")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The plan is not a DRAFT, or the assignment has activities")
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        assignments.delete(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("/{id}/activities")
    @RolesAllowed("editor")
    @Operation(summary = "Add an activity to the assignment (also to an adopted plan)")
    @APIResponse(responseCode = "201", description = "Created; Location points at the activity")
    public Response addActivity(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request) {
        Activity activity = activities.create(id, request.content());
        return Responses.created("/api/activities/" + activity.id, activity.version, ActivityResponse.from(activity));
    }

    @GET
    @Path("/{id}/activities")
    @RolesAllowed("viewer")
    @Operation(summary = "The assignment's activities, in order")
    public List<ActivityResponse> activities(@PathParam("id") UUID id) {
        Assignment.require(id);
        return Activity.<Activity>list("assignmentId", Sort.by("position").and("createdAt"), id).stream()
                .map(ActivityResponse::from).toList();
    }
}
