package se.styrning.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** A binary-mode CloudEvent as a consumer receives it: the {@code ce_*} headers and the JSON data. */
public record IncomingEvent(String id, String type, String source, String subject, String time, String data) {

    /** Reads the envelope; a record without {@code ce_id}, {@code ce_type} or data cannot be processed. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new MalformedEventException("record at " + position(record) + " has no ce_id or ce_type header");
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + id + " at " + position(record) + " has no data");
        }
        return new IncomingEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"),
                header(record, "ce_time"), record.value());
    }

    /** The data as the consumer's own copy of the event record. */
    public <T> T data(ObjectMapper json, Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + id + " (" + this.type + ") has unreadable data: "
                    + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
