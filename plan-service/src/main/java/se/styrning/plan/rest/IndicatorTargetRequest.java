package se.styrning.plan.rest;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "The target (målvärde) for a year")
public record IndicatorTargetRequest(
        @NotNull @Digits(integer = 14, fraction = 4) @Schema(example = "5.5") BigDecimal total,
        @Digits(integer = 14, fraction = 4) @Schema(description = "Required when the indicator is split by gender")
        BigDecimal women,
        @Digits(integer = 14, fraction = 4) @Schema(description = "Required when the indicator is split by gender")
        BigDecimal men) {
}
