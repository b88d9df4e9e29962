package se.styrning.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.plan.StatusService;
import se.styrning.platform.idempotency.Idempotent;

/** Status reports in bulk, for systems that sync their activities' status with Styrning. */
@Path("/api/activities/status-reports")
@Tag(name = "Goal hierarchy")
public class StatusReportResource {

    private final StatusService statuses;

    StatusReportResource(StatusService statuses) {
        this.statuses = statuses;
    }

    @POST
    @Idempotent
    @RolesAllowed("editor")
    @Operation(summary = "Report the status of many activities at once (up to 1,000): all of them, or none",
            description = "Each item follows the rules of PUT /api/activities/{id}/status: the caller's units, the "
                    + "version it names, an open plan, an activity not cancelled, the effective date. The reports are "
                    + "made in one transaction, in the order given, each published as its own activity-status-changed "
                    + "event. When any item is refused nothing is made: the answer is the first refused item's "
                    + "problem (its status: 403, 404, 409, 412 or 400), and its errors list every refused item as "
                    + "items[i]. Send an Idempotency-Key to make a retry of the whole call safe.")
    @APIResponse(responseCode = "200", description = "Every report was made")
    @APIResponse(responseCode = "400", description = "An item is invalid (errors name each)")
    @APIResponse(responseCode = "403", description = "An item's activity is outside the caller's units; nothing was made")
    @APIResponse(responseCode = "404", description = "An item's activity does not exist; nothing was made")
    @APIResponse(responseCode = "409", description = "An item's activity is cancelled or its plan closed; nothing was made")
    @APIResponse(responseCode = "412", description = "An item's activity has changed since the version it names; nothing was made")
    public Response report(@Valid @NotNull StatusReportsRequest request) {
        return Response.ok(StatusReportsResponse.of(statuses.reportAll(request.reports()))).build();
    }
}
