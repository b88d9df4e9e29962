package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The plan's unit marked its input to a period's follow-up complete. It may do so with work still open, counted here.
 * Keyed by the plan id. Contract: {@code contracts/events/se.styrning.followup.report-ready.v1.schema.json}.
 *
 * @param report the path of the (live) report, {@code /api/reports/{planId}/{period}}
 */
public record ReportReady(UUID planId, UUID unitId, String period, int openWork, Map<String, Integer> openWorkByKind,
                          String report, String readyBy, Instant readyAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.report-ready.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
