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
import se.styrning.plan.Assignment;
import se.styrning.plan.AssignmentService;
import se.styrning.plan.FocusArea;
import se.styrning.plan.FocusAreaService;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.UUID;

@Path("/api/focus-areas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal hierarchy", description = "Focus areas → assignments → activities of a plan")
public class FocusAreaResource {

    private final FocusAreaService focusAreas;
    private final AssignmentService assignments;

    FocusAreaResource(FocusAreaService focusAreas, AssignmentService assignments) {
        this.focusAreas = focusAreas;
        this.assignments = assignments;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get a focus area; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        FocusArea area = FocusArea.require(id);
        return Responses.ok(area.version, FocusAreaResponse.from(area));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Replace a focus area's fields; needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull FocusAreaRequest request) {
        FocusArea area = focusAreas.update(id, ifMatch, request.code(), request.title(), request.description(),
                request.position());
        return Responses.ok(area.version, FocusAreaResponse.from(area));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete an empty focus area of a DRAFT plan")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The plan is not a DRAFT, or the focus area has assignments")
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        focusAreas.delete(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("/{id}/assignments")
    @RolesAllowed("editor")
    @Operation(summary = "Add an assignment to the focus area")
    @APIResponse(responseCode = "201", description = "Created; Location points at the assignment")
    public Response addAssignment(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        Assignment assignment = assignments.create(id, request.content());
        return Responses.created("/api/assignments/" + assignment.id, assignment.version,
                AssignmentResponse.from(assignment));
    }

    @GET
    @Path("/{id}/assignments")
    @RolesAllowed("viewer")
    @Operation(summary = "The focus area's assignments, in order")
    public List<AssignmentResponse> assignments(@PathParam("id") UUID id) {
        FocusArea.require(id);
        return Assignment.<Assignment>list("focusAreaId", Sort.by("position").and("number"), id).stream()
                .map(AssignmentResponse::from).toList();
    }
}
