package se.styrning.budget.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.DeviationFigure;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(description = "A threshold rule: a deviation is reported when it is beyond every threshold the rule sets")
public record DeviationRuleRequest(
        @Schema(description = "The cost object whose subtree the rule covers; none for the global rule (admin only)")
        UUID costObjectId,
        @NotNull @Schema(description = "The derived figure watched") DeviationFigure figure,
        @Digits(integer = 16, fraction = 2) @DecimalMin(value = "0", inclusive = false)
        @Schema(description = "Beyond this many SEK either way", example = "5000000") BigDecimal absoluteThreshold,
        @Digits(integer = 5, fraction = 2) @DecimalMin(value = "0", inclusive = false)
        @Schema(description = "Beyond this % of the annual budget either way", example = "2.5") BigDecimal relativeThreshold) {
}
