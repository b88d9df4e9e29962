package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.OperatingBudgetChange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@Schema(description = "One state the budget has had: created, edited as a draft, adopted or revised")
public record BudgetChangeResponse(int number, OperatingBudgetChange.Kind change, BigDecimal revenue, BigDecimal staffCosts,
                                   BigDecimal otherCosts, BigDecimal netBudget, String reason, LocalDate effectiveDate,
                                   String changedBy, Instant changedAt) {

    static BudgetChangeResponse from(OperatingBudgetChange change) {
        return new BudgetChangeResponse(change.number, change.change, change.revenue, change.staffCosts,
                change.otherCosts, change.amounts().netBudget(), change.reason, change.effectiveDate, change.changedBy,
                change.changedAt);
    }
}
