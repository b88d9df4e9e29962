package se.styrning.platform.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * The aggregate an event belongs to: its type (e.g. {@code plan}, {@code cost-object}) and its id, which is the Kafka
 * key and {@code ce_subject}. Every event of a topic with the same aggregate keeps its order.
 */
public record Aggregate(String type, UUID id) {

    public Aggregate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Aggregate plan(UUID planId) {
        return new Aggregate("plan", planId);
    }

    public static Aggregate unit(UUID unitId) {
        return new Aggregate("unit", unitId);
    }

    public static Aggregate costObject(UUID costObjectId) {
        return new Aggregate("cost-object", costObjectId);
    }

    public static Aggregate calendar(UUID calendarId) {
        return new Aggregate("calendar", calendarId);
    }
}
