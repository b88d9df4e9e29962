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

/** Puts plan-service's events on plan.events the way plan-service does, for followup-service's tests. */
final class PlanEventsFeed implements AutoCloseable {

    static final String PLAN = "se.styrning.plan.";

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
        ProducerRecord<String, String> record = new ProducerRecord<>("plan.events", key, data.toString());
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", (PLAN + event + ".v1").getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/plan-service".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
