package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.Period;
import se.styrning.followup.ReadAccess;
import se.styrning.followup.WorkItem;
import se.styrning.followup.WorkList;
import se.styrning.followup.WorkOverview;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.security.UnitAccess;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work lists", description = "What is missing in a period's follow-up, per unit, with the resource that fixes each item")
public class WorkResource {

    private static final String KINDS = "Status reports without one effective in the period, off-plan or partly-on-plan "
            + "activities without a comment, assignments not assessed (tertials and the year), indicators due by their "
            + "frequency without an outcome, budget deviations open in the period's last month without an explanation; "
            + "follow-ups already closed or published are done. By kind, then plan.";
    private static final String READERS = "Not a reader of the unit: a caller of the unit or a unit above it, a controller "
            + "or an admin";

    private final WorkList work;
    private final JsonWebToken token;
    private final ReadAccess reading;

    WorkResource(WorkList work, JsonWebToken token, ReadAccess reading) {
        this.work = work;
        this.token = token;
        this.reading = reading;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "The work a unit is responsible for in a period's follow-up", description = KINDS)
    @APIResponse(responseCode = "400", description = "No unitId, or not a period")
    @APIResponse(responseCode = "403", description = READERS)
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit")
    public Page<WorkItem> forUnit(@QueryParam("unitId") UUID unitId, @QueryParam("period") @Parameter(
            description = "2017-11 (month), 2021-T1 (tertial) or 2019 (year)") String period, @Valid @BeanParam PageParams paging) {
        Period parsed = readable(unitId, period);
        return page(work.forUnit(unitId, parsed), paging);
    }

    @GET
    @Path("/mine")
    @RolesAllowed("viewer")
    @Operation(summary = "My work: that of every unit in the token's units claim (not the units below them)", description = KINDS)
    @APIResponse(responseCode = "400", description = "Not a period")
    public Page<WorkItem> mine(@QueryParam("period") @Parameter(description = "2017-11, 2021-T1 or 2019") String period,
                               @Valid @BeanParam PageParams paging) {
        return page(work.forUnits(tokenUnits(), Period.parse(period, "period")), paging);
    }

    @GET
    @Path("/overview")
    @RolesAllowed("viewer")
    @Operation(summary = "The open work of a unit and every unit below it, counted per unit and kind: which departments are done")
    @APIResponse(responseCode = "400", description = "No unitId, or not a period")
    @APIResponse(responseCode = "403", description = READERS)
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit")
    public WorkOverview overview(@QueryParam("unitId") UUID unitId,
                                 @QueryParam("period") @Parameter(description = "2017-11, 2021-T1 or 2019") String period) {
        return work.overview(unitId, readable(unitId, period));
    }

    /** The period, once the unit is known and the caller may read its work. */
    private Period readable(UUID unitId, String period) {
        if (unitId == null) {
            throw ProblemException.invalidField("unitId", "is required");
        }
        Period parsed = Period.parse(period, "period");
        if (ReportingUnit.findById(unitId) == null) {
            throw ProblemException.notFound("Unit", unitId);
        }
        reading.require(unitId);
        return parsed;
    }

    private static Page<WorkItem> page(List<WorkItem> items, PageParams paging) {
        int from = (int) Math.min((long) paging.page * paging.size, items.size());
        return Page.of(items.subList(from, Math.min(from + paging.size, items.size())), paging, items.size());
    }

    /** The unit ids of the token's units claim, read as UnitAccess reads them; a value that is not one grants nothing. */
    private Set<UUID> tokenUnits() {
        Set<UUID> units = new LinkedHashSet<>();
        if (token.getClaim(UnitAccess.UNITS_CLAIM) instanceof Collection<?> claim) {
            for (Object unit : claim) {
                try {
                    units.add(UUID.fromString(unit.toString().replace("\"", "")));
                } catch (IllegalArgumentException notAUnitId) {
                    // as UnitAccess: ignored
                }
            }
        }
        return units;
    }
}
