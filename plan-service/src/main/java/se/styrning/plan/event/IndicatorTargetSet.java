package se.styrning.plan.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An indicator's target for a year was set or changed. Key: plan id. */
public record IndicatorTargetSet(UUID indicatorId, UUID planId, int year, BigDecimal total, BigDecimal women,
                                 BigDecimal men, String setBy, Instant setAt) {

    public static final String TYPE = "se.styrning.plan.indicator-target-set.v1";
}
