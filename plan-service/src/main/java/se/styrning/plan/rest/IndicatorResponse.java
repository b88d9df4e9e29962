package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Indicator;
import se.styrning.plan.IndicatorTarget;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An indicator with its targets, by year. */
@Schema(description = "An indicator with its targets by year; ETag is its version")
public record IndicatorResponse(UUID id, UUID planId, String name, String description, Indicator.Category category,
                                Indicator.Level level, String unit, Indicator.Direction direction,
                                Indicator.Frequency frequency, boolean genderSplit, String externalCode,
                                Indicator.Source source, int position, List<Target> targets, long version) {

    @Schema(name = "IndicatorTarget", description = "The target (målvärde) for a year; women and men when split by gender")
    public record Target(int year, BigDecimal total, BigDecimal women, BigDecimal men) {
        static Target from(IndicatorTarget target) {
            return new Target(target.year, target.total, target.women, target.men);
        }
    }

    public static IndicatorResponse from(Indicator indicator, List<IndicatorTarget> targets) {
        return new IndicatorResponse(indicator.id, indicator.planId, indicator.name, indicator.description,
                indicator.category, indicator.level, indicator.unit, indicator.direction, indicator.frequency,
                indicator.genderSplit, indicator.externalCode, indicator.source, indicator.position,
                targets.stream().map(Target::from).toList(), indicator.version);
    }

    public static IndicatorResponse from(Indicator indicator) {
        return from(indicator, IndicatorTarget.list("indicatorId", io.quarkus.panache.common.Sort.by("year"), indicator.id));
    }
}
