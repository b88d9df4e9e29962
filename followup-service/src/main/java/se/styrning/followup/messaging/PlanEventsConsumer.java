package se.styrning.followup.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.styrning.followup.readmodel.ActivityStatusReport;
import se.styrning.followup.readmodel.IndicatorTarget;
import se.styrning.followup.readmodel.ReadModel;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.followup.readmodel.ReportingAssignment;
import se.styrning.followup.readmodel.ReportingFocusArea;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.inbox.EventBatches;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.Subscription;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the read model up to date from {@code plan.events}.
 * What one poll returns is applied in one transaction; see {@link EventBatches}.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    static final String CONSUMER = "followup.plan-events";
    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);

    private static final Subscription SUBSCRIPTION = Subscription.of(CONSUMER, PlanEvents.PREFIX);

    private final EventBatches batches;
    private final ReadModel readModel;
    private final ObjectMapper json;

    PlanEventsConsumer(EventBatches batches, ReadModel readModel, ObjectMapper json) {
        this.batches = batches;
        this.readModel = readModel;
        this.json = json;
    }

    @Incoming("plan-events")
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
            case PlanEvents.UnitUpserted.TYPE -> {
                var e = event.data(json, PlanEvents.UnitUpserted.class);
                readModel.upsert(ReportingUnit.class, e.unitId(), e.version(), unit -> {
                    unit.code = e.code();
                    unit.name = e.name();
                    unit.kind = e.kind();
                    unit.parentId = e.parentId();
                });
            }
            case PlanEvents.PlanUpserted.TYPE -> {
                var e = event.data(json, PlanEvents.PlanUpserted.class);
                readModel.upsert(ReportingPlan.class, e.planId(), e.version(), plan -> {
                    plan.unitId = e.unitId();
                    plan.year = e.year();
                    plan.title = e.title();
                    plan.status = e.status();
                    plan.adoptedBy = e.adoptedBy();
                    plan.adoptedOn = e.adoptedOn();
                });
            }
            case PlanEvents.FocusAreaUpserted.TYPE -> {
                var e = event.data(json, PlanEvents.FocusAreaUpserted.class);
                readModel.upsert(ReportingFocusArea.class, e.focusAreaId(), e.version(), area -> {
                    area.planId = e.planId();
                    area.code = e.code();
                    area.title = e.title();
                    area.description = e.description();
                    area.position = e.position();
                });
            }
            case PlanEvents.AssignmentUpserted.TYPE -> {
                var e = event.data(json, PlanEvents.AssignmentUpserted.class);
                readModel.upsert(ReportingAssignment.class, e.assignmentId(), e.version(), assignment -> {
                    assignment.planId = e.planId();
                    assignment.focusAreaId = e.focusAreaId();
                    assignment.number = e.number();
                    assignment.title = e.title();
                    assignment.description = e.description();
                    assignment.kind = e.kind();
                    assignment.parentAssignmentId = e.parentAssignmentId();
                    assignment.position = e.position();
                });
            }
            case PlanEvents.ActivityUpserted.TYPE -> {
                var e = event.data(json, PlanEvents.ActivityUpserted.class);
                readModel.upsert(ReportingActivity.class, e.activityId(), e.version(), activity -> {
                    activity.planId = e.planId();
                    activity.assignmentId = e.assignmentId();
                    activity.parentActivityId = e.parentActivityId();
                    activity.title = e.title();
                    activity.description = e.description();
                    activity.responsibleUnitId = e.responsibleUnitId();
                    activity.startDate = e.startDate();
                    activity.endDate = e.endDate();
                    activity.project = e.project();
                    activity.sourceReference = e.sourceReference();
                    activity.cancelled = e.cancelled();
                    activity.position = e.position();
                });
            }
            case PlanEvents.ActivityStatusChanged.TYPE -> {
                var e = event.data(json, PlanEvents.ActivityStatusChanged.class);
                ActivityStatusReport report = new ActivityStatusReport();
                report.eventId = event.id();
                report.activityId = e.activityId();
                report.planId = e.planId();
                report.previousStatus = e.previousStatus();
                report.status = e.status();
                report.comment = e.comment();
                report.commentMissing = e.commentMissing();
                report.effectiveDate = e.effectiveDate();
                report.changedBy = e.changedBy();
                report.changedAt = e.changedAt();
                readModel.record(report);
            }
            case PlanEvents.IndicatorUpserted.TYPE -> {
                var e = event.data(json, PlanEvents.IndicatorUpserted.class);
                readModel.upsert(ReportingIndicator.class, e.indicatorId(), e.version(), indicator -> {
                    indicator.planId = e.planId();
                    indicator.name = e.name();
                    indicator.description = e.description();
                    indicator.category = e.category();
                    indicator.level = e.level();
                    indicator.unit = e.unit();
                    indicator.direction = e.direction();
                    indicator.frequency = e.frequency();
                    indicator.genderSplit = e.genderSplit();
                    indicator.externalCode = e.externalCode();
                    indicator.source = e.source();
                    indicator.position = e.position();
                });
            }
            case PlanEvents.IndicatorTargetSet.TYPE -> {
                var e = event.data(json, PlanEvents.IndicatorTargetSet.class);
                IndicatorTarget target = IndicatorTarget.of(e.indicatorId(), e.year()).orElseGet(IndicatorTarget::new);
                target.key = new IndicatorTarget.Key(e.indicatorId(), e.year());
                target.total = e.total();
                target.women = e.women();
                target.men = e.men();
                target.persist();
            }
            case PlanEvents.Removed.INDICATOR -> readModel.remove(ReportingIndicator.class, removed(event));
            case PlanEvents.Removed.FOCUS_AREA -> readModel.remove(ReportingFocusArea.class, removed(event));
            case PlanEvents.Removed.ASSIGNMENT -> readModel.remove(ReportingAssignment.class, removed(event));
            case PlanEvents.Removed.ACTIVITY -> readModel.remove(ReportingActivity.class, removed(event));
            default -> LOG.debugf("not used by followup-service: %s", event.type());
        }
    }

    private UUID removed(IncomingEvent event) {
        return event.data(json, PlanEvents.Removed.class).id();
    }
}
