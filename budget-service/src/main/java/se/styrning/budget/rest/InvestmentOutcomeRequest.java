package se.styrning.budget.rest;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "An investment project's figures for a month, in SEK (öre at most); the deviation is derived")
public record InvestmentOutcomeRequest(
        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2)
        @Schema(description = "Spent so far in the year (utfall hittills i år)", example = "650000.00")
        BigDecimal spentYtd,
        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2)
        @Schema(description = "Forecast spend for the whole year (prognos helår); not less than spentYtd", example = "1100000.00")
        BigDecimal forecast,
        @Size(max = 4000) @Schema(description = "Why the forecast differs from the budget")
        String comment) {
}
