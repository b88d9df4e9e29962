package se.styrning.platform.inbox;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A consumer's hold on one topic: its name in the inbox, the type prefix every event on the topic has (an event
 * without it does not belong there and is dead-lettered), and which of the topic's types it applies. The others are
 * skipped without an inbox row.
 */
public record Subscription(String consumer, String typePrefix, Predicate<String> applies) {

    /** Applies every type under the prefix (types it does not know are its handler's to skip). */
    public static Subscription of(String consumer, String typePrefix) {
        return new Subscription(consumer, typePrefix, type -> true);
    }

    /** Applies only these types of the topic. */
    public Subscription only(String... types) {
        Set<String> wanted = Set.of(types);
        return new Subscription(consumer, typePrefix, wanted::contains);
    }
}
