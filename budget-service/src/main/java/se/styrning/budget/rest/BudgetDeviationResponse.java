package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.BudgetDeviation;
import se.styrning.budget.CostObject;
import se.styrning.budget.DeviationFigure;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

@Schema(description = "A budget deviation beyond its rule's threshold, as it stands now: open from the month it was "
        + "detected until a registration of a later (or the same) month brings it back within")
public record BudgetDeviationResponse(
        UUID id, UUID costObjectId, String costObjectCode, String costObjectName,
        @Schema(description = "The cost object's unit") UUID unitId,
        DeviationFigure figure,
        @Schema(description = "YYYY-MM") String detectedMonth,
        @Schema(description = "The deviation as the cost object's latest registration has it, signed (negative = worse "
                + "than budget), SEK") BigDecimal amount,
        @Schema(description = "|amount| in % of the annual budget; null when that budget is zero") BigDecimal relativePercent,
        @Schema(description = "The threshold in SEK of the rule it was detected against; null when it sets none")
        BigDecimal absoluteThreshold,
        @Schema(description = "The threshold in % of the rule it was detected against; null when it sets none")
        BigDecimal relativeThreshold,
        @Schema(description = "The explanation: the comment of the latest month's outcome") String comment,
        @Schema(description = "No explanation is given (reports print it as missing)") boolean explanationMissing,
        @Schema(description = "YYYY-MM; null while open") String resolvedMonth,
        @Schema(description = "0 when detected, one more with each change of its amount or explanation while open") long version) {

    static BudgetDeviationResponse from(BudgetDeviation deviation, CostObject object) {
        return new BudgetDeviationResponse(deviation.id, object.id, object.code, object.name, object.unitId,
                deviation.figure, YearMonth.from(deviation.detectedMonth).toString(), deviation.amount,
                deviation.relativePercent, deviation.absoluteThreshold, deviation.relativeThreshold, deviation.comment,
                deviation.explanationMissing,
                deviation.resolvedMonth == null ? null : YearMonth.from(deviation.resolvedMonth).toString(),
                deviation.version);
    }
}
