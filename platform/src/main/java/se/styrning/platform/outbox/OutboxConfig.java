package se.styrning.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code styrning.outbox.*}: where and how this service's outbox is relayed. */
@ConfigMapping(prefix = "styrning.outbox")
public interface OutboxConfig {

    /** The topic this service publishes its events on, e.g. {@code plan.events}. */
    String topic();

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /plan-service}. */
    String source();

    /** How often the relay looks for rows it has not sent yet; new rows are sent right after their commit. */
    Duration pollInterval();

    /** Rows sent per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept before the cleanup deletes them. */
    @WithDefault("P7D")
    Duration retention();

    /** Turn off to leave relaying to a change-data-capture connector reading the same table. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("30s")
    Duration deliveryTimeout();
}
