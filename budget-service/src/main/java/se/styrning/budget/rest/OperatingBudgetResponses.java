package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.BudgetStatus;
import se.styrning.budget.OperatingBudget;
import se.styrning.budget.OperatingBudgetChange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the operating budget endpoints return. */
public final class OperatingBudgetResponses {

    private OperatingBudgetResponses() {
    }

    @Schema(description = "A unit's operating budget for a year in SEK; netBudget (budgetram) is derived; ETag is its version")
    public record Budget(UUID id, UUID unitId, int year, BigDecimal revenue, BigDecimal staffCosts, BigDecimal otherCosts,
                         @Schema(description = "Budgetram: revenue + staffCosts + otherCosts") BigDecimal netBudget,
                         BudgetStatus status, LocalDate adoptedOn, long version, Instant createdAt, Instant updatedAt) {

        static Budget from(OperatingBudget budget) {
            return new Budget(budget.id, budget.unitId, budget.year, budget.revenue, budget.staffCosts, budget.otherCosts,
                    budget.amounts().netBudget(), budget.status, budget.adoptedOn, budget.version, budget.createdAt,
                    budget.updatedAt);
        }
    }

    @Schema(description = "One state the budget has had: created, edited as a draft, adopted or revised")
    public record Change(int number, OperatingBudgetChange.Kind change, BigDecimal revenue, BigDecimal staffCosts,
                         BigDecimal otherCosts, BigDecimal netBudget, String reason, LocalDate effectiveDate,
                         String changedBy, Instant changedAt) {

        static Change from(OperatingBudgetChange change) {
            return new Change(change.number, change.change, change.revenue, change.staffCosts, change.otherCosts,
                    change.amounts().netBudget(), change.reason, change.effectiveDate, change.changedBy, change.changedAt);
        }
    }
}
