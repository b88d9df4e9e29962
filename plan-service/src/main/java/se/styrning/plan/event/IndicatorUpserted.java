package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/** An indicator was created or changed; its whole definition (targets travel in indicator-target-set). Key: plan id. */
public record IndicatorUpserted(UUID indicatorId, UUID planId, String name, String description, String category,
                                String level, String unit, String direction, String frequency, boolean genderSplit,
                                String externalCode, String source, int position, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.indicator-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
