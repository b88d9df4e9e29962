package se.styrning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code contracts/asyncapi.yaml}, the contract integrators read, against what a service publishes: its channel names
 * exactly the service's event types (found by {@link PublishedEvents}), each message points at the type's schema in
 * {@code contracts/events/}, carries its example, and the event record is keyed as the message documents; and the
 * whole document names no type without a schema.
 */
public final class AsyncApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiContract() {
    }

    /**
     * @param topic        the service's topic, e.g. {@code plan.events}
     * @param eventPackage the package of the service's event records, e.g. {@code se.styrning.plan.event}: every
     *                     class in it that implements the platform's {@code PublishedEvent} is one type it publishes
     */
    public static void assertPublishes(String topic, String eventPackage) {
        Map<String, Class<?>> published = PublishedEvents.in(eventPackage);
        JsonNode document = document();
        JsonNode channel = channel(document, topic);
        Set<String> named = new TreeSet<>();
        for (JsonNode reference : channel.path("messages")) {
            JsonNode message = resolve(document, reference.path("$ref").asText());
            String type = message.path("name").asText();
            named.add(type);
            assertEquals("./events/" + type + ".schema.json", message.path("payload").path("$ref").asText(), type);
            assertEquals(EventContracts.exampleJson(type), JSON.valueToTree(message.path("examples").path(0).path("payload")),
                    type + ": the example in asyncapi.yaml is contracts/events' example");
            assertEquals(type, message.path("examples").path(0).path("headers").path("ce_type").asText(), type);
            JsonNode key = message.path("bindings").path("kafka").path("key");
            assertEquals("uuid", key.path("format").asText(), type);
            if (published.containsKey(type)) {
                PublishedEvents.assertKeyedAsDocumented(type, published.get(type), key.path("description").asText());
            }
        }
        assertEquals(published.keySet(), named, "asyncapi.yaml's " + topic + " names exactly the types " + eventPackage + " publishes");
        assertEquals(schemaTypes(), allMessages(document), "asyncapi.yaml names every type of contracts/events/, and nothing else");
    }

    private static JsonNode channel(JsonNode document, String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new AssertionError("asyncapi.yaml has no channel with address " + topic);
    }

    private static JsonNode resolve(JsonNode document, String reference) {
        if (!reference.startsWith("#/")) {
            throw new AssertionError("a channel's message refers outside the document: " + reference);
        }
        JsonNode node = document.at(reference.substring(1));
        if (node.isMissingNode()) {
            throw new AssertionError("asyncapi.yaml has no " + reference);
        }
        return node;
    }

    private static Set<String> allMessages(JsonNode document) {
        Set<String> types = new TreeSet<>();
        document.path("components").path("messages").forEach(message -> types.add(message.path("name").asText()));
        return types;
    }

    private static Set<String> schemaTypes() {
        try (Stream<Path> files = Files.list(EventContracts.contracts().resolve("events"))) {
            Set<String> types = new TreeSet<>();
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .forEach(name -> types.add(name.substring(0, name.length() - ".schema.json".length())));
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode document() {
        try {
            return YAML.readTree(EventContracts.contracts().resolve("asyncapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
