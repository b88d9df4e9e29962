package se.styrning.followup.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A plan as the region prints and publishes it (seeds 000, 001 and 003): the goal hierarchy with its texts and
 * activities, the indicators with the year's targets, and the budget tables of the plan's budget area. Built live
 * from plan- and budget-service's events; amounts in SEK.
 */
@Schema(name = "PrintedPlan", description = "A plan as a document: focus areas, assignments and activities with their "
        + "texts, indicators with the year's targets, and the operating budget and investments of the plan's budget area")
public record PlanDocument(
        UUID planId, String title, int year, UUID unitId, String unitName,
        @Schema(description = "DRAFT, ADOPTED or CLOSED; an adopted or closed plan is a public document") String status,
        @Schema(description = "Who adopted the plan (fastställd av)") String adoptedBy, LocalDate adoptedOn,
        Instant generatedAt,
        @Schema(description = "The unit whose subtree the budget tables cover: " + BUDGET_AREA) UUID budgetAreaUnitId,
        String budgetAreaUnitName,
        List<FocusArea> focusAreas,
        @Schema(description = "The plan's indicators, region-wide before the administration's own, each group by category")
        List<Indicator> indicators,
        @Schema(description = "Driftbudget: the operating budget of each unit of the budget area for the plan's year")
        List<BudgetColumn> operatingBudget,
        @Schema(description = "Investeringsbudget: the projects of the budget area with an amount in the plan's year")
        Investments investments) {

    public static final String BUDGET_AREA = "the nearest board (nämnd/styrelse) at or above the plan's unit, as an "
            + "administration's plan presents the budget its board allocates; the plan's own unit and the units below it "
            + "come first, then the others, each level by name";
    /** The states in which a plan is a public document. */
    public static final Set<String> PUBLIC = Set.of("ADOPTED", "CLOSED");

    @Schema(name = "PrintedPlanFocusArea", description = "A focus area with its text and its assignments, depth-first")
    public record FocusArea(String code, String title, String description, List<Assignment> assignments) {
    }

    @Schema(name = "PrintedPlanAssignment", description = "An assignment, depth-first: depth 0 directly under the focus area")
    public record Assignment(String number, String title, String description,
                             @Schema(description = "REGION_WIDE (regiongemensamt) or ADMINISTRATION (förvaltningens)") String kind,
                             int depth, List<Activity> activities) {
    }

    @Schema(name = "PrintedPlanActivity", description = "An activity, depth-first: depth 0 directly under the assignment")
    public record Activity(String title, String description, String responsibleUnit, LocalDate startDate,
                           LocalDate endDate, boolean project,
                           @Schema(description = "Where the activity comes from, e.g. a board decision") String sourceReference,
                           boolean cancelled, int depth) {
    }

    @Schema(name = "PrintedPlanIndicator", description = "An indicator with its target for the plan's year; women's and men's where split")
    public record Indicator(String name, String description,
                            @Schema(description = "STAFF, ECONOMY, QUALITY or OTHER") String category,
                            @Schema(description = "REGION (koncernnivå) or ADMINISTRATION (kompletterande)") String level,
                            String unit, String direction, String frequency, boolean genderSplit,
                            BigDecimal targetTotal, BigDecimal targetWomen, BigDecimal targetMen) {
    }

    @Schema(name = "PrintedPlanBudgetColumn", description = "A unit's operating budget: Budgetram = net budget")
    public record BudgetColumn(UUID unitId, String unitName, BigDecimal revenue, BigDecimal staffCosts,
                               BigDecimal otherCosts, BigDecimal netBudget,
                               @Schema(description = "DRAFT or ADOPTED") String status, LocalDate adoptedOn) {
    }

    @Schema(name = "PrintedPlanInvestments", description = "The investment table: per owner unit its projects and sums, "
            + "amounts per year from the plan's year on")
    public record Investments(List<Integer> years, List<Owner> owners,
                              @Schema(description = "Summa per year, in the order of years") List<BigDecimal> totals) {
    }

    @Schema(name = "PrintedPlanInvestmentOwner", description = "A unit's investment projects and their sum per year")
    public record Owner(UUID unitId, String unitName, List<Investment> investments,
                        @Schema(description = "The unit's sum per year, in the order of years") List<BigDecimal> sums) {
    }

    @Schema(name = "PrintedPlanInvestment", description = "An investment project: amounts in SEK")
    public record Investment(String name,
                             @Schema(description = "DECIDED, NEW_NEED, REINVESTMENT or null") String group,
                             @Schema(description = "NEW (Ny), REINVESTMENT (Re) or BOTH (Ny/Re)") String kind,
                             BigDecimal totalProjectBudget,
                             @Schema(description = "The amount per year, in the order of years; null where none") List<BigDecimal> amounts) {
    }

    /** Whether the plan is a public document: adopted, or closed after its year. */
    @JsonIgnore
    public boolean isPublic() {
        return PUBLIC.contains(status);
    }
}
