package se.styrning.budget.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.AccountClasses;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(description = "A unit's operating budget for a year, per account class in SEK")
public record OperatingBudgetRequest(
        @NotNull @Schema(description = "The unit the budget is for") UUID unitId,
        @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer year,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMax(value = "0", message = "is revenue and written negative, as the budget tables print it")
        @Schema(description = "Intäkter, negative", example = "-122726000") BigDecimal revenue,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Personalkostnader", example = "245484000") BigDecimal staffCosts,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Övriga driftskostnader", example = "177775000") BigDecimal otherCosts) {

    AccountClasses amounts() {
        return new AccountClasses(revenue, staffCosts, otherCosts);
    }
}
