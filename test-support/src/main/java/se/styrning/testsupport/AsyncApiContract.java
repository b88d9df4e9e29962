package se.styrning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code contracts/asyncapi.yaml}, the contract integrators read, against what a service publishes: its channel names
 * exactly the service's event types, each message points at the type's schema in {@code contracts/events/}, carries
 * its example, and is keyed as documented; and the whole document names no type without a schema.
 */
public final class AsyncApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiContract() {
    }

    /**
     * @param topic       the service's topic, e.g. {@code plan.events}
     * @param eventPackage the package of the service's event records, e.g. {@code se.styrning.plan.event}: every
     *                     {@code public static final String} in it that names a type ({@code se.styrning.…}) is one
     */
    public static void assertPublishes(String topic, String eventPackage) {
        Set<String> published = typesIn(eventPackage);
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
            assertEquals("uuid", message.path("bindings").path("kafka").path("key").path("format").asText(), type);
        }
        assertEquals(published, named, "asyncapi.yaml's " + topic + " names exactly the types " + eventPackage + " publishes");
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

    /** The type constants of the compiled classes of a package (a directory on the test class path). */
    static Set<String> typesIn(String eventPackage) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(eventPackage.replace('.', '/'));
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new AssertionError("no compiled classes of " + eventPackage + " on the class path: " + url);
        }
        Set<String> types = new TreeSet<>();
        List<String> classes = new ArrayList<>();
        try {
            File[] files = new File(url.toURI()).listFiles((dir, name) -> name.endsWith(".class"));
            for (File file : files == null ? new File[0] : files) {
                classes.add(eventPackage + "." + file.getName().substring(0, file.getName().length() - ".class".length()));
            }
            for (String name : classes) {
                for (Field field : Class.forName(name).getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && Modifier.isPublic(modifiers)
                            && field.getType() == String.class && ((String) field.get(null)).startsWith("se.styrning.")) {
                        types.add((String) field.get(null));
                    }
                }
            }
        } catch (URISyntaxException | ReflectiveOperationException e) {
            throw new AssertionError("reading " + eventPackage, e);
        }
        return types;
    }
}
