package se.styrning.platform.testapp;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.util.UUID;

public record ThingCreated(UUID id, String name, BigDecimal amount) implements PublishedEvent {
    public static final String TYPE = "se.styrning.platformtest.thing-created.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return new Aggregate("thing", id);
    }
}
