package se.styrning.budget.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.AccountClasses;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "A revision of an adopted budget: new amounts, why, and from when")
public record ReviseBudgetRequest(
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMax(value = "0", message = "is revenue and written negative, as the budget tables print it")
        @Schema(description = "Intäkter, negative") BigDecimal revenue,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Personalkostnader") BigDecimal staffCosts,
        @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Övriga driftskostnader") BigDecimal otherCosts,
        @NotBlank @Size(max = 2000)
        @Schema(description = "Why the budget changes", example = "Upphandlingsavdelningen flyttas till Regionkontoret") String reason,
        @NotNull @Schema(description = "From when the revision applies; within the budget year") LocalDate effectiveDate) {

    AccountClasses amounts() {
        return new AccountClasses(revenue, staffCosts, otherCosts);
    }
}
