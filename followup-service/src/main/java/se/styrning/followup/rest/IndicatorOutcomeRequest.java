package se.styrning.followup.rest;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "An indicator's outcome for a period; women and men exactly when the indicator is split by gender")
public record IndicatorOutcomeRequest(@NotNull @Digits(integer = 14, fraction = 4) @Schema(example = "5.2") BigDecimal total,
                                      @Digits(integer = 14, fraction = 4) @Schema(example = "6.1") BigDecimal women,
                                      @Digits(integer = 14, fraction = 4) @Schema(example = "3.9") BigDecimal men) {
}
