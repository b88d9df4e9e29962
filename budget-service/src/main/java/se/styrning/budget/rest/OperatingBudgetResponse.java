package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.BudgetStatus;
import se.styrning.budget.OperatingBudget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A unit's operating budget for a year in SEK; netBudget (budgetram) is derived; ETag is its version")
public record OperatingBudgetResponse(UUID id, UUID unitId, int year, BigDecimal revenue, BigDecimal staffCosts,
                                      BigDecimal otherCosts,
                                      @Schema(description = "Budgetram: revenue + staffCosts + otherCosts") BigDecimal netBudget,
                                      BudgetStatus status, LocalDate adoptedOn, long version, Instant createdAt,
                                      Instant updatedAt) {

    static OperatingBudgetResponse from(OperatingBudget budget) {
        return new OperatingBudgetResponse(budget.id, budget.unitId, budget.year, budget.revenue, budget.staffCosts,
                budget.otherCosts, budget.amounts().netBudget(), budget.status, budget.adoptedOn, budget.version,
                budget.createdAt, budget.updatedAt);
    }
}
