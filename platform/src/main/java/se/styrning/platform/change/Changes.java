package se.styrning.platform.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.audit.Audit;
import se.styrning.platform.outbox.Outbox;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.List;

/**
 * The one way a service records a change: its audit entry and the events that announce it, in the change's
 * transaction, so both commit with it or not at all. Each event is keyed by the aggregate it names.
 * <pre>{@code
 * changes.record(Change.updated("unit", unit.id, before, after), unit.upserted());
 * }</pre>
 */
@ApplicationScoped
public class Changes {

    private final Outbox outbox;
    private final Audit audit;

    Changes(Outbox outbox, Audit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Audits the change and publishes its events, in order; a change without events (configuration) is only audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change, PublishedEvent... events) {
        recordAll(List.of(new Recorded(change, List.of(events))));
    }

    /** A change and the events that announce it, as one call of {@link #recordAll} takes many. */
    public record Recorded(Change change, List<PublishedEvent> events) {

        public Recorded(Change change, PublishedEvent... events) {
            this(change, List.of(events));
        }
    }

    /**
     * Many changes of one call (a bulk request): their audit entries in one batch and their events in another, in
     * order, so a bulk call costs two statements however many changes it makes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Recorded> changes) {
        audit.record(changes.stream().map(recorded -> recorded.change().entry()).toList());
        outbox.publish(changes.stream().flatMap(recorded -> recorded.events().stream()).toList());
    }

    /**
     * Events that follow from a change already audited, or from the passing of time: a deviation a registration
     * detects, a reminder of a deadline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(PublishedEvent... events) {
        outbox.publish(List.of(events));
    }
}
