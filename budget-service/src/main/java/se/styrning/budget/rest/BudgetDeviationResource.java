package se.styrning.budget.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.budget.BudgetUnitHierarchy;
import se.styrning.budget.DeviationFigure;
import se.styrning.budget.DeviationList;
import se.styrning.budget.DeviationState;
import se.styrning.budget.Months;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;

@Path("/api/budget-deviations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Budget deviations", description = "Deviations beyond their rules' thresholds: which are open, per unit")
public class BudgetDeviationResource {

    private final BudgetUnitHierarchy units;

    BudgetDeviationResource(BudgetUnitHierarchy units) {
        this.units = units;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List budget deviations: by default those open now, ordered by cost object code, figure and "
            + "detection month",
            description = "Each item is the deviation as it stands now (amount and explanation of the cost object's "
                    + "latest registration). With month, state is taken at that month: OPEN = open at its end, "
                    + "RESOLVED = resolved in it, ALL = open at some time during it.")
    @APIResponse(responseCode = "200", description = "One page of deviations")
    @APIResponse(responseCode = "400", description = "A filter that does not parse (unitId, costObjectId, figure, "
            + "state, month, includeSubunits, page, size), or includeSubunits without unitId")
    public Page<BudgetDeviationResponse> list(
            @QueryParam("unitId") @Parameter(description = "Only the cost objects of this unit") UUID unitId,
            @QueryParam("includeSubunits") @Parameter(description = "true: also the cost objects of the units below "
                    + "unitId, as plan-service's organisation tree has them", example = "false") String includeSubunits,
            @QueryParam("figure") @Parameter(description = "FORECAST_DEVIATION or DEVIATION_YTD") DeviationFigure figure,
            @QueryParam("state") @DefaultValue("OPEN") @Parameter(description = "OPEN (the default), RESOLVED or ALL")
            DeviationState state,
            @QueryParam("costObjectId") @Parameter(description = "Only this cost object's deviations") UUID costObjectId,
            @QueryParam("month") @Parameter(description = "YYYY-MM: the state at that month (see state)") String month,
            @Valid @BeanParam PageParams paging) {
        boolean subunits = flag("includeSubunits", includeSubunits);
        if (subunits && unitId == null) {
            throw ProblemException.invalidField("includeSubunits", "needs unitId: the units below which unit?");
        }
        YearMonth yearMonth = month == null ? null : Months.parse("month", month);
        Set<UUID> unitIds = unitId == null ? null : subunits ? units.unitAndDescendants(unitId) : Set.of(unitId);
        DeviationList.Filter filter = new DeviationList.Filter(unitIds, figure, state, costObjectId, yearMonth);
        return Page.of(DeviationList.page(filter, paging.page, paging.size).stream()
                .map(row -> BudgetDeviationResponse.from(row.deviation(), row.costObject())).toList(),
                paging, DeviationList.count(filter));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalidField(name, "must be true or false, not " + value);
    }
}
