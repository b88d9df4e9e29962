package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.Period;
import se.styrning.followup.PeriodReport;
import se.styrning.followup.PeriodReports;

import java.util.UUID;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Period reports built from plan-service's events")
public class ReportResource {

    private final PeriodReports reports;

    ReportResource(PeriodReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{planId}/{period}")
    @RolesAllowed("viewer")
    @Operation(summary = "A plan's follow-up for a period: each activity's status at the period's end, and the exceptions")
    @APIResponse(responseCode = "400", description = "Not a period")
    @APIResponse(responseCode = "404", description = "followup-service has received no such plan")
    public PeriodReport report(@PathParam("planId") UUID planId,
                               @PathParam("period") @Parameter(description = "2017-11 (month), 2021-T1 (tertial) or 2019 (year)")
                               String period) {
        return reports.build(planId, Period.parse(period, "period"));
    }
}
