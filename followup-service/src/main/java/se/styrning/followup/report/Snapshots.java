package se.styrning.followup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** A frozen report's snapshot: the report JSON exactly as it was served when its follow-up was closed. */
@ApplicationScoped
public class Snapshots {

    private final ObjectMapper json;

    Snapshots(ObjectMapper json) {
        this.json = json;
    }

    String write(Object report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }

    /** The snapshot read back; {@code version} names it if it cannot be. */
    <T> T read(String snapshot, Class<T> type, Object version) {
        try {
            return json.readValue(snapshot, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report version " + version + " holds an unreadable snapshot", e);
        }
    }
}
