package se.styrning.budget.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.AccountClasses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The bodies the operating budget endpoints accept. */
public final class OperatingBudgetRequests {

    private OperatingBudgetRequests() {
    }

    @Schema(description = "A unit's operating budget for a year, per account class in SEK")
    public record Create(
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

    @Schema(description = "New amounts for a draft budget, in SEK")
    public record Amounts(
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

    @Schema(description = "Adopting a budget")
    public record Adopt(@NotNull @Schema(description = "The day it was adopted", example = "2020-12-07") LocalDate adoptedOn) {
    }

    @Schema(description = "A revision of an adopted budget: new amounts, why, and from when")
    public record Revision(
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
}
