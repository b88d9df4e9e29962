package se.styrning.plan.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.plan.Activity;
import se.styrning.plan.ActivityService;
import se.styrning.plan.ActivityStatusChange;
import se.styrning.plan.StatusService;
import se.styrning.platform.rest.Responses;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal hierarchy")
public class ActivityResource {

    private final ActivityService activities;
    private final StatusService statuses;

    ActivityResource(ActivityService activities, StatusService statuses) {
        this.activities = activities;
        this.statuses = statuses;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get an activity; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        return ok(Activity.require(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Replace an activity's fields; needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ActivityRequest request) {
        return ok(activities.update(id, ifMatch, request.content()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed("editor")
    @Operation(summary = "Cancel an activity; it stays in the plan's history")
    @APIResponse(responseCode = "409", description = "Already cancelled, or the plan is closed")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(activities.cancel(id, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete an activity of a DRAFT plan (cancel it once the plan is adopted)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The plan is not a DRAFT, or the activity has sub-activities")
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        activities.delete(id, ifMatch);
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed("editor")
    @Operation(summary = "Report the activity's status, with a comment and the date it took effect")
    @APIResponse(responseCode = "200", description = "The activity with its current status")
    @APIResponse(responseCode = "409", description = "The activity is cancelled or the plan closed")
    public Response reportStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull ReportStatusRequest request) {
        return ok(statuses.report(id, ifMatch, request.status(), request.comment(), request.effectiveDate()));
    }

    @GET
    @Path("/{id}/status-history")
    @RolesAllowed("viewer")
    @Operation(summary = "Every status report, in the order they took effect, with who and when")
    public List<StatusChangeResponse> statusHistory(@PathParam("id") UUID id) {
        Activity.require(id);
        return ActivityStatusChange.history(id).stream().map(StatusChangeResponse::from).toList();
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed("viewer")
    @Operation(summary = "The status in effect on a date (today by default)")
    public StatusAsOfResponse statusOn(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        Activity.require(id);
        LocalDate date = asOf != null ? asOf : LocalDate.now(StatusService.REGION_TIME);
        return new StatusAsOfResponse(id, date, ActivityStatusChange.statusOn(id, date));
    }

    private static Response ok(Activity activity) {
        return Responses.ok(activity.version, ActivityResponse.from(activity));
    }
}
