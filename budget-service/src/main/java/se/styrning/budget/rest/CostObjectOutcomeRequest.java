package se.styrning.budget.rest;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.Figures;

import java.math.BigDecimal;

@Schema(description = "A month's figures for a leaf cost object, in SEK (öre at most); deviations are derived")
public record CostObjectOutcomeRequest(
        @NotNull @Digits(integer = 16, fraction = 2)
        @Schema(description = "Resultat hittills i år (year to date)", example = "-812012000.00")
        BigDecimal resultYtd,
        @NotNull @Digits(integer = 16, fraction = 2)
        @Schema(description = "Budget hittills i år (year to date)", example = "-696224000.00")
        BigDecimal budgetYtd,
        @NotNull @Digits(integer = 16, fraction = 2)
        @Schema(description = "Budget for the whole year", example = "-759408000.00")
        BigDecimal annualBudget,
        @NotNull @Digits(integer = 16, fraction = 2)
        @Schema(description = "Prognostiserat resultat for the whole year", example = "-884413000.00")
        BigDecimal forecastResult,
        @Size(max = 4000)
        @Schema(description = "The explanation; required in substance when a deviation is beyond its threshold")
        String comment) {

    Figures figures() {
        return new Figures(resultYtd, budgetYtd, annualBudget, forecastResult);
    }
}
