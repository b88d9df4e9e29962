package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An investment project's figures for a month were registered or corrected. Keyed by the owner unit's id, as the
 * project's {@link InvestmentUpserted}, so a consumer reads a project before its outcomes. Contract:
 * {@code contracts/events/se.styrning.budget.investment-outcome-registered.v1.schema.json}.
 *
 * @param month             {@code YYYY-MM}
 * @param budget            the project's amount for the month's year (0 when it has none)
 * @param forecastDeviation budget − forecast: positive when the year is forecast to spend less than budgeted
 */
public record InvestmentOutcomeRegistered(UUID outcomeId, UUID investmentId, UUID ownerUnitId, String month,
                                          BigDecimal spentYtd, BigDecimal forecast, BigDecimal budget,
                                          BigDecimal forecastDeviation, String comment, long version,
                                          String registeredBy, Instant registeredAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.investment-outcome-registered.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(ownerUnitId);
    }
}
