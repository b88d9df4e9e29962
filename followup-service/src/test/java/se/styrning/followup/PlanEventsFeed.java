package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import se.styrning.testsupport.EventContracts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Puts plan- and budget-service's events on their topics the way those services do, for followup-service's tests. */
final class PlanEventsFeed implements AutoCloseable {

    static final String PLAN = "se.styrning.plan.";
    static final String BUDGET = "se.styrning.budget.";

    private final KafkaProducer<String, String> producer;

    PlanEventsFeed(String bootstrap) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer());
    }

    /** The contract example of {@code event} (e.g. {@code plan-upserted}) with the given fields replaced. */
    static ObjectNode example(String event, Map<String, String> fields) {
        ObjectNode data = (ObjectNode) EventContracts.exampleJson(PLAN + event + ".v1");
        fields.forEach(data::put);
        return data;
    }

    void send(String event, String key, ObjectNode data) throws ExecutionException, InterruptedException {
        send("plan.events", PLAN + event + ".v1", "/plan-service", key, data);
    }

    /** The contract example of budget-service's {@code event} (e.g. {@code outcome-registered}) with fields replaced. */
    static ObjectNode budgetExample(String event, Map<String, String> fields) {
        ObjectNode data = (ObjectNode) EventContracts.exampleJson(BUDGET + event + ".v1");
        fields.forEach(data::put);
        return data;
    }

    void sendBudget(String event, String key, ObjectNode data) throws ExecutionException, InterruptedException {
        send("budget.events", BUDGET + event + ".v1", "/budget-service", key, data);
    }

    private void send(String topic, String type, String source, String key, ObjectNode data)
            throws ExecutionException, InterruptedException {
        EventContracts.assertValid(type, data.toString());
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data.toString());
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
