package se.styrning.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The topics the services use, and creating them on a broker. */
public final class KafkaTopics {

    /** Every topic the services publish to or consume from, dead-letter topics included. */
    public static final List<String> PROJECT_TOPICS = List.of(
            "plan.events", "budget.events", "followup.events",
            "dead-letter-topic-plan-events", "dead-letter-topic-plan-events-budget", "dead-letter-topic-budget-events");

    private KafkaTopics() {
    }

    /** Creates each topic (3 partitions, replication 1) unless it exists. */
    public static void create(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
