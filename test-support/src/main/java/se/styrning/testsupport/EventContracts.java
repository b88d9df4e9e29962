package se.styrning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event contracts in {@code contracts/events/}: producers check what they emit against the schema,
 * consumers feed the example through their consumer.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {
    }

    /**
     * Fails with every violation listed unless {@code payload} satisfies the schema of {@code type}, read strictly:
     * the published schemas let a consumer meet fields added later (docs/events.md, compatibility), but what a
     * producer emits, and what a test feeds a consumer, must be exactly what the schema names.
     */
    public static void assertValid(String type, String payload) {
        try {
            JsonSchema schema = SCHEMAS.getSchema(closed(JSON.readTree(Files.readString(file(type + ".schema.json")))));
            Set<ValidationMessage> violations = schema.validate(JSON.readTree(payload));
            if (!violations.isEmpty()) {
                throw new AssertionError(type + " payload breaks its contract: "
                        + violations.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                        + "\n" + payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example payload of {@code type}, as its JSON text. */
    public static String example(String type) {
        try {
            return Files.readString(file(type + ".example.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode exampleJson(String type) {
        try {
            return JSON.readTree(example(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with every object that names its properties closed to others. */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(EventContracts::closed);
        } else if (schema.isArray()) {
            schema.forEach(EventContracts::closed);
        }
        return schema;
    }

    static Path file(String name) {
        return contracts().resolve("events").resolve(name);
    }

    /** The project's {@code contracts/} directory, found from the working directory up. */
    static Path contracts() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts/events"))) {
                return dir.resolve("contracts");
            }
        }
        throw new AssertionError("no contracts/events/ above " + Path.of("").toAbsolutePath());
    }
}
