package se.styrning.budget.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "New thresholds for a rule")
public record DeviationThresholdsRequest(
        @Digits(integer = 16, fraction = 2) @DecimalMin(value = "0", inclusive = false)
        @Schema(description = "Beyond this many SEK either way") BigDecimal absoluteThreshold,
        @Digits(integer = 5, fraction = 2) @DecimalMin(value = "0", inclusive = false)
        @Schema(description = "Beyond this % of the annual budget either way") BigDecimal relativeThreshold) {
}
