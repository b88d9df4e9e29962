package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A plan was adopted (fastställd), e.g. "av regiondirektören den 7 december 2017". Key: plan id. */
public record PlanAdopted(UUID planId, UUID unitId, int year, String adoptedBy, LocalDate adoptedOn) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.plan-adopted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
