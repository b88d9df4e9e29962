package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.Investment;
import se.styrning.budget.InvestmentOutcome;
import se.styrning.budget.event.InvestmentOutcomeRegistered;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "An investment project's figures for a month, with the year's budget and the forecast deviation; ETag is its version")
public record InvestmentOutcomeResponse(UUID id, UUID investmentId, UUID ownerUnitId,
                                        @Schema(description = "YYYY-MM") String month,
                                        BigDecimal spentYtd, BigDecimal forecast,
                                        @Schema(description = "The project's budget amount for the month's year as it stands now; 0 when it has none")
                                        BigDecimal budget,
                                        @Schema(description = "budget − forecast: positive when the year is forecast to spend less than budgeted")
                                        BigDecimal forecastDeviation,
                                        String comment, long version, String registeredBy, Instant registeredAt) {

    static InvestmentOutcomeResponse from(Investment investment, InvestmentOutcome outcome) {
        InvestmentOutcomeRegistered e = outcome.registered(investment);
        return new InvestmentOutcomeResponse(e.outcomeId(), e.investmentId(), e.ownerUnitId(), e.month(), e.spentYtd(),
                e.forecast(), e.budget(), e.forecastDeviation(), e.comment(), e.version(), e.registeredBy(),
                e.registeredAt());
    }
}
