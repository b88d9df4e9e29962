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
import se.styrning.platform.inbox.Inbox;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;

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

    private final EventBatches batches;
    private final Inbox inbox;
    private final ReadModel readModel;
    private final ObjectMapper json;

    BudgetEventsConsumer(EventBatches batches, Inbox inbox, ReadModel readModel, ObjectMapper json) {
        this.batches = batches;
        this.inbox = inbox;
        this.readModel = readModel;
        this.json = json;
    }

    @Incoming("budget-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this::apply);
    }

    /** One event, in the caller's transaction. */
    public void apply(IncomingEvent event) {
        if (!event.type().startsWith(BudgetEvents.PREFIX)) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " does not belong on budget.events");
        }
        if (!inbox.firstDelivery(event, CONSUMER)) {
            return;
        }
        switch (event.type()) {
            case BudgetEvents.CostObjectUpserted.TYPE -> {
                var e = event.data(json, BudgetEvents.CostObjectUpserted.class);
                require(event, e.costObjectId() != null && e.code() != null && e.name() != null && e.unitId() != null);
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
                require(event, e.outcomeId() != null && e.costObjectId() != null && e.resultYtd() != null
                        && e.budgetYtd() != null && e.annualBudget() != null && e.forecastResult() != null);
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
                require(event, e.deviationId() != null && e.costObjectId() != null && e.figure() != null && e.amount() != null);
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
                require(event, e.deviationId() != null && e.costObjectId() != null && e.figure() != null
                        && e.amount() != null && e.version() > DETECTED);
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
                require(event, e.budgetId() != null && e.unitId() != null && e.year() != null && e.revenue() != null
                        && e.staffCosts() != null && e.otherCosts() != null && e.netBudget() != null && e.status() != null);
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
                require(event, e.investmentId() != null && e.name() != null && e.ownerUnitId() != null && e.kind() != null
                        && e.amounts() != null && e.amounts().stream().allMatch(a -> a != null && a.year() != null && a.amount() != null)
                        && e.amounts().stream().map(BudgetEvents.InvestmentUpserted.Amount::year).distinct().count() == e.amounts().size());
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
                require(event, e.outcomeId() != null && e.investmentId() != null && e.spentYtd() != null
                        && e.forecast() != null);
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

    private static void require(IncomingEvent event, boolean complete) {
        if (!complete) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") lacks a required field");
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
