package se.styrning.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import se.styrning.plan.Indicator;
import se.styrning.plan.IndicatorService;
import se.styrning.platform.rest.Responses;

import java.util.UUID;

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Quality indicators (kvalitetsindikatorer) and their yearly targets")
public class IndicatorResource {

    private final IndicatorService indicators;

    IndicatorResource(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get an indicator with its targets; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        return ok(Indicator.require(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Replace an indicator's definition; needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull IndicatorRequest request) {
        return ok(indicators.update(id, ifMatch, request.content()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete an indicator of a DRAFT plan, with its targets")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The plan is not a DRAFT")
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        indicators.delete(id, ifMatch);
    }

    @PUT
    @Path("/{id}/targets/{year}")
    @RolesAllowed("editor")
    @Operation(summary = "Set the target (målvärde) for a year; women and men too when the indicator is split by gender")
    @APIResponse(responseCode = "200", description = "The indicator with its targets")
    public Response setTarget(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
                              @Valid @NotNull IndicatorTargetRequest request) {
        indicators.setTarget(id, year, request.total(), request.women(), request.men());
        return ok(Indicator.require(id));
    }

    private static Response ok(Indicator indicator) {
        return Responses.ok(indicator.version, IndicatorResponse.from(indicator));
    }
}
