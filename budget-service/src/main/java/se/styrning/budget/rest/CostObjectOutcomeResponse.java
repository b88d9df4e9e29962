package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.CostObject;
import se.styrning.budget.Outcome;
import se.styrning.budget.OutcomeService;
import se.styrning.budget.event.OutcomeRegistered;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "A month's outcome of a cost object: entered and derived figures in SEK; ETag is its version")
public record CostObjectOutcomeResponse(UUID id, UUID costObjectId, String costObjectCode,
                                        @Schema(description = "YYYY-MM") String month,
                                        BigDecimal resultYtd, BigDecimal budgetYtd,
                                        @Schema(description = "resultYtd − budgetYtd") BigDecimal deviationYtd,
                                        BigDecimal annualBudget, BigDecimal forecastResult,
                                        @Schema(description = "forecastResult − annualBudget") BigDecimal forecastDeviation,
                                        @Schema(description = "Result year to date against the same month a year before, in %; null without a base or across a change of sign")
                                        BigDecimal costDevelopmentPercent,
                                        String comment,
                                        @Schema(description = "A deviation is beyond its threshold and the comment is missing")
                                        boolean explanationMissing,
                                        long version, String registeredBy, Instant registeredAt) {

    static CostObjectOutcomeResponse from(CostObject object, Outcome outcome) {
        OutcomeRegistered e = OutcomeService.registered(object, outcome);
        return new CostObjectOutcomeResponse(e.outcomeId(), e.costObjectId(), e.costObjectCode(), e.month(), e.resultYtd(),
                e.budgetYtd(), e.deviationYtd(), e.annualBudget(), e.forecastResult(), e.forecastDeviation(),
                e.costDevelopmentPercent(), e.comment(), e.explanationMissing(), e.version(), e.registeredBy(),
                e.registeredAt());
    }
}
