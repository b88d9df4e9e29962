package se.styrning.platform.outbox;

/**
 * An event a service publishes: a record in its {@code event/} package, serialised as the CloudEvent's data. It names
 * its own CloudEvents type and the aggregate it is keyed by, so the outbox row and the Kafka key agree by construction.
 * Neither method is part of the payload (a record's JSON holds its components only).
 */
public interface PublishedEvent {

    /** The CloudEvents type, e.g. {@code se.styrning.plan.unit-upserted.v1}. */
    String eventType();

    /** What the event is keyed by: its events stay in order on one partition. */
    Aggregate aggregate();
}
