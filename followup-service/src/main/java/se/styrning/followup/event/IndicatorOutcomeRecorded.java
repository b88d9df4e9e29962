package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An indicator's outcome for a period was registered, for the first time ({@code version} 0) or anew, by hand or
 * from Kolada. Keyed by the plan id. Contract:
 * {@code contracts/events/se.styrning.followup.indicator-outcome-recorded.v1.schema.json}.
 *
 * @param total  exact, with four decimals
 * @param women  exact, with four decimals; null unless the indicator is split by gender
 * @param men    exact, with four decimals; null unless the indicator is split by gender
 * @param source MANUAL or KOLADA
 */
public record IndicatorOutcomeRecorded(UUID outcomeId, UUID indicatorId, UUID planId, UUID unitId, String period,
                                       BigDecimal total, BigDecimal women, BigDecimal men, String source, long version,
                                       String recordedBy, Instant recordedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.indicator-outcome-recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
