package se.styrning.followup.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.styrning.followup.readmodel.ReadModel;
import se.styrning.followup.readmodel.ReportingCostObject;
import se.styrning.followup.readmodel.ReportingDeviation;
import se.styrning.followup.readmodel.ReportingInvestment;
import se.styrning.followup.readmodel.ReportingInvestmentOutcome;
import se.styrning.followup.readmodel.ReportingOperatingBudget;
import se.styrning.followup.readmodel.ReportingOutcome;
import se.styrning.platform.inbox.EventBatches;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;
import se.styrning.platform.inbox.Subscription;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the economy part of the read model from {@code budget.events}: cost objects, outcomes and deviations for
 * reports, operating budgets and investments for plan documents.
 * What one poll returns is applied in one transaction; see {@link EventBatches}.
 */
@ApplicationScoped
public class BudgetEventsConsumer {

    static final String CONSUMER = "followup.budget-events";
    /**
     * A deviation's versions: detection is 0, each change while open carries its own (1, 2, …), and a resolution
     * is the last state, which nothing after it changes.
     */
    private static final long DETECTED = 0;
    private static final long RESOLVED = Long.MAX_VALUE;

    private static final Subscription SUBSCRIPTION = Subscription.of(CONSUMER, BudgetEvents.PREFIX);

    private final EventBatches batches;
    private final ReadModel readModel;
    private final ObjectMapper json;

    BudgetEventsConsumer(EventBatches batches, ReadModel readModel, ObjectMapper json) {
        this.batches = batches;
        this.readModel = readModel;
        this.json = json;
    }

    @Incoming("budget-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, SUBSCRIPTION, this::handle);
    }

    /** One event as a batch applies it (a replay uses it), in the caller's transaction. */
    public void apply(IncomingEvent event) {
        batches.applyOnce(SUBSCRIPTION, event, this::handle);
    }

    /** One event the inbox has not seen. */
    private void handle(IncomingEvent event) {
        switch (event.type()) {
            case BudgetEvents.CostObjectUpserted.TYPE -> {
                var e = event.data(json, BudgetEvents.CostObjectUpserted.class);
                readModel.upsert(ReportingCostObject.class, e.costObjectId(), e.version(), object -> {
                    object.code = e.code();
                    object.name = e.name();
                    object.unitId = e.unitId();
                    object.parentId = e.parentId();
                    object.position = e.position();
                });
            }
            case BudgetEvents.OutcomeRegistered.TYPE -> {
                var e = event.data(json, BudgetEvents.OutcomeRegistered.class);
                LocalDate month = month(event, e.month());
                readModel.upsert(ReportingOutcome.class, e.outcomeId(), e.version(), outcome -> {
                    outcome.costObjectId = e.costObjectId();
                    outcome.month = month;
                    outcome.resultYtd = e.resultYtd();
                    outcome.budgetYtd = e.budgetYtd();
                    outcome.annualBudget = e.annualBudget();
                    outcome.forecastResult = e.forecastResult();
                    outcome.costDevelopmentPercent = e.costDevelopmentPercent();
                    outcome.comment = e.comment();
                    outcome.explanationMissing = e.explanationMissing();
                });
            }
            case BudgetEvents.Deviation.DETECTED, BudgetEvents.Deviation.RESOLVED -> {
                var e = event.data(json, BudgetEvents.Deviation.class);
                boolean resolved = BudgetEvents.Deviation.RESOLVED.equals(event.type());
                LocalDate month = month(event, e.month());
                LocalDate detected = resolved ? month(event, e.detectedMonth()) : month;
                readModel.upsert(ReportingDeviation.class, e.deviationId(), resolved ? RESOLVED : DETECTED, deviation -> {
                    deviation.costObjectId = e.costObjectId();
                    deviation.figure = e.figure();
                    deviation.detectedMonth = detected;
                    deviation.resolvedMonth = resolved ? month : null;
                    if (!resolved) {
                        deviation.amount = e.amount();
                        deviation.relativePercent = e.relativePercent();
                        deviation.absoluteThreshold = e.absoluteThreshold();
                        deviation.relativeThreshold = e.relativeThreshold();
                        deviation.comment = e.comment();
                        deviation.explanationMissing = e.explanationMissing();
                    } else if (deviation.amount == null) {
                        deviation.amount = e.amount();
                        deviation.explanationMissing = e.explanationMissing();
                    }
                });
            }
            case BudgetEvents.Deviation.CHANGED -> {
                var e = event.data(json, BudgetEvents.Deviation.class);
                if (e.version() <= DETECTED) {
                    throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") changes a deviation without a version after its detection");
                }
                LocalDate detected = month(event, e.detectedMonth());
                readModel.upsert(ReportingDeviation.class, e.deviationId(), e.version(), deviation -> {
                    deviation.costObjectId = e.costObjectId();
                    deviation.figure = e.figure();
                    deviation.detectedMonth = detected;
                    deviation.amount = e.amount();
                    deviation.relativePercent = e.relativePercent();
                    deviation.absoluteThreshold = e.absoluteThreshold();
                    deviation.relativeThreshold = e.relativeThreshold();
                    deviation.comment = e.comment();
                    deviation.explanationMissing = e.explanationMissing();
                });
            }
            case BudgetEvents.OperatingBudgetUpserted.TYPE -> {
                var e = event.data(json, BudgetEvents.OperatingBudgetUpserted.class);
                readModel.upsert(ReportingOperatingBudget.class, e.budgetId(), e.version(), budget -> {
                    budget.unitId = e.unitId();
                    budget.year = e.year();
                    budget.revenue = e.revenue();
                    budget.staffCosts = e.staffCosts();
                    budget.otherCosts = e.otherCosts();
                    budget.netBudget = e.netBudget();
                    budget.status = e.status();
                    budget.adoptedOn = e.adoptedOn();
                });
            }
            case BudgetEvents.InvestmentUpserted.TYPE -> {
                var e = event.data(json, BudgetEvents.InvestmentUpserted.class);
                readModel.upsert(ReportingInvestment.class, e.investmentId(), e.version(), investment -> {
                    investment.name = e.name();
                    investment.ownerUnitId = e.ownerUnitId();
                    investment.group = e.group();
                    investment.kind = e.kind();
                    investment.totalProjectBudget = e.totalProjectBudget();
                    investment.amounts.clear();
                    e.amounts().forEach(amount -> investment.amounts.put(amount.year(), amount.amount()));
                });
            }
            case BudgetEvents.InvestmentOutcomeRegistered.TYPE -> {
                var e = event.data(json, BudgetEvents.InvestmentOutcomeRegistered.class);
                LocalDate month = month(event, e.month());
                readModel.upsert(ReportingInvestmentOutcome.class, e.outcomeId(), e.version(), outcome -> {
                    outcome.investmentId = e.investmentId();
                    outcome.month = month;
                    outcome.spentYtd = e.spentYtd();
                    outcome.forecast = e.forecast();
                    outcome.comment = e.comment();
                });
            }
            default -> {
                // cost objects' own settings (deviation rules) are not in reports
            }
        }
    }

    private static LocalDate month(IncomingEvent event, String month) {
        try {
            return YearMonth.parse(month).atDay(1);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") has no month YYYY-MM: " + month);
        }
    }
}
