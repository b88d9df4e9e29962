package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A controller of the plan's unit or a unit above it approved a follow-up marked ready; it may now be closed and
 * published. Keyed by the plan id. Contract: {@code contracts/events/se.styrning.followup.report-approved.v1.schema.json}.
 */
public record ReportApproved(UUID planId, UUID unitId, String period, int openWork, Map<String, Integer> openWorkByKind,
                             String report, String readyBy, Instant readyAt, String approvedBy, Instant approvedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.report-approved.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
