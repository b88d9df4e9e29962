package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An indicator's target for a year was set or changed. Key: plan id. */
public record IndicatorTargetSet(UUID indicatorId, UUID planId, int year, BigDecimal total, BigDecimal women,
                                 BigDecimal men, String setBy, Instant setAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.indicator-target-set.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
