package se.styrning.budget.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.AccountClasses;

import java.math.BigDecimal;

@Schema(description = "New amounts for a draft budget, in SEK")
public record BudgetAmountsRequest(
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMax(value = "0", message = "is revenue and written negative, as the budget tables print it")
        @Schema(description = "Intäkter, negative") BigDecimal revenue,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Personalkostnader") BigDecimal staffCosts,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Övriga driftskostnader") BigDecimal otherCosts) {

    AccountClasses amounts() {
        return new AccountClasses(revenue, staffCosts, otherCosts);
    }
}
