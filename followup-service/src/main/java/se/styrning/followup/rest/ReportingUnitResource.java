package se.styrning.followup.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;

import java.util.UUID;

/** The organisation units followup-service knows from plan-service's events (its read model). */
@Path("/api/followup/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up read model", description = "What followup-service has received from the other services")
public class ReportingUnitResource {

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List the units received from plan.events, by code")
    public Page<ReportingUnitResponse> list(@Valid @BeanParam PageParams paging) {
        return Page.of(ReportingUnit.findAll(Sort.by("code")), paging, ReportingUnitResponse::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "One unit as followup-service holds it")
    public ReportingUnitResponse get(@PathParam("id") UUID id) {
        return ReportingUnit.<ReportingUnit>findByIdOptional(id)
                .map(ReportingUnitResponse::from)
                .orElseThrow(() -> ProblemException.notFound("Unit", id));
    }
}
