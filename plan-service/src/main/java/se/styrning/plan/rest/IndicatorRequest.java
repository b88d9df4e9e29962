package se.styrning.plan.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Indicator;

@Schema(description = "A quality indicator; a PUT replaces every field")
public record IndicatorRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Sjukfrånvaro") String name,
        @Size(max = 10_000) String description,
        @NotNull Indicator.Category category,
        @NotNull Indicator.Level level,
        @NotBlank @Size(max = 50) @Schema(description = "What values are measured in", example = "%") String unit,
        @NotNull Indicator.Direction direction,
        @NotNull Indicator.Frequency frequency,
        @NotNull @Schema(description = "Person-based: targets and outcomes for women and men beside the total")
        Boolean genderSplit,
        @Size(max = 100) @Schema(description = "MANUAL: e.g. a Kolada KPI id (an import from Kolada fills the indicator); "
                + "BUDGET: the economy's figure, RESULT_YTD, DEVIATION_YTD, FORECAST_DEVIATION, COST_DEVELOPMENT or "
                + "REVENUE_DEVELOPMENT, optionally ':' and a cost object's code (COST_DEVELOPMENT:HSF), or INVESTMENT_FORECAST_DEVIATION", example = "N60030") String externalCode,
        @Schema(description = "MANUAL by default") Indicator.Source source,
        @Min(0) Integer position) {

    public Indicator.Content content() {
        return new Indicator.Content(name, description, category, level, unit, direction, frequency,
                genderSplit, externalCode, source, position);
    }
}
