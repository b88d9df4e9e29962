package se.styrning.followup.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Kolada's answer for some KPIs, as api.kolada.se v2 sends it; fields this import does not use "
        + "(count, next_page, a value's count and status, …) are ignored")
public record KoladaDocumentRequest(@NotNull @Size(max = 10000) @Valid List<@NotNull @Valid Entry> values) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "KoladaEntry", description = "One KPI's values for a municipality or region and a year")
    public record Entry(@NotBlank @Size(max = 20) @Schema(example = "N00945") String kpi,
                        @NotBlank @Size(max = 10) @Schema(description = "Kolada's code of the municipality or region; "
                                + "the plan's unit or a unit above it must have it as its code", example = "0013")
                        String municipality,
                        @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer period,
                        @NotNull @Size(max = 3) @Valid List<@NotNull @Valid Value> values) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        @Schema(name = "KoladaValue", description = "A value for T (total), K (kvinnor) or M (män); null where Kolada has none")
        public record Value(@NotNull @Pattern(regexp = "[TKM]", message = "must be T, K or M") String gender,
                            @Digits(integer = 14, fraction = 4) BigDecimal value) {
        }
    }
}
