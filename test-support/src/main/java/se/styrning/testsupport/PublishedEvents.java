package se.styrning.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event records a service publishes, found on the class path: every class of its {@code event} package that
 * implements the platform's {@code PublishedEvent}. Each must have a schema and an example in
 * {@code contracts/events/}, and, read from its example, name its own type and the aggregate the contract keys it by.
 */
public final class PublishedEvents {

    private static final String PUBLISHED_EVENT = "se.styrning.platform.outbox.PublishedEvent";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** How asyncapi.yaml names a message's key: "The plan id (also ce_subject)". */
    private static final Pattern KEY = Pattern.compile("The ([a-z ]+) id \\(also ce_subject\\)");

    private PublishedEvents() {
    }

    /** The package's event records by their type ({@code TYPE}); fails on a record with a type that is not one. */
    public static Map<String, Class<?>> in(String eventPackage) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = loader.getResource(eventPackage.replace('.', '/'));
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new AssertionError("no compiled classes of " + eventPackage + " on the class path: " + url);
        }
        Map<String, Class<?>> events = new TreeMap<>();
        try {
            Class<?> publishedEvent = Class.forName(PUBLISHED_EVENT, false, loader);
            File[] files = new File(url.toURI()).listFiles((dir, name) -> name.endsWith(".class"));
            for (File file : files == null ? new File[0] : files) {
                String name = file.getName();
                Class<?> type = Class.forName(eventPackage + "." + name.substring(0, name.length() - ".class".length()),
                        false, loader);
                String constant = typeConstant(type);
                if (publishedEvent.isAssignableFrom(type) && !type.isInterface()) {
                    assertTrue(constant != null, type + " publishes an event but has no TYPE");
                    assertTrue(Files.exists(EventContracts.file(constant + ".schema.json")), constant + " has no schema in contracts/events/");
                    assertTrue(Files.exists(EventContracts.file(constant + ".example.json")), constant + " has no example in contracts/events/");
                    events.put(constant, type);
                } else {
                    assertTrue(constant == null, type + " names the type " + constant + " but is no PublishedEvent");
                }
            }
        } catch (URISyntaxException | ReflectiveOperationException e) {
            throw new AssertionError("reading " + eventPackage, e);
        }
        assertTrue(!events.isEmpty(), "no event records in " + eventPackage);
        return events;
    }

    /**
     * The record read from its example names its type, and the aggregate it is keyed by, the Kafka key and the outbox
     * row's aggregate, is the one the contract documents: the id in the example's field of that name
     * ({@code planId} for "The plan id"), of an aggregate type the name ends with ({@code unit} for "The owner unit id").
     */
    static void assertKeyedAsDocumented(String type, Class<?> eventClass, String keyDescription) {
        Matcher documented = KEY.matcher(keyDescription);
        assertTrue(documented.matches(), type + ": the key's description names no id: " + keyDescription);
        String[] words = documented.group(1).split(" ");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        field.append("Id");
        try {
            Object event = JSON.readValue(EventContracts.example(type), eventClass);
            assertEquals(type, eventClass.getMethod("eventType").invoke(event), eventClass + " names another type");
            Object aggregate = eventClass.getMethod("aggregate").invoke(event);
            Method aggregateType = aggregate.getClass().getMethod("type");
            Method aggregateId = aggregate.getClass().getMethod("id");
            assertEquals(UUID.fromString(EventContracts.exampleJson(type).path(field.toString()).asText()),
                    aggregateId.invoke(aggregate), type + " is keyed by its " + field + " in the contract");
            String kebab = String.join("-", words);
            String aggregateName = (String) aggregateType.invoke(aggregate);
            assertTrue(("-" + kebab).endsWith("-" + aggregateName),
                    type + ": the aggregate type " + aggregateName + " is not what the key names: " + kebab);
        } catch (IOException | ReflectiveOperationException e) {
            throw new AssertionError(type + ": its example cannot be read as " + eventClass.getName(), e);
        }
    }

    private static String typeConstant(Class<?> type) throws IllegalAccessException {
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getName().equals("TYPE") && Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)
                    && field.getType() == String.class) {
                return (String) field.get(null);
            }
        }
        return null;
    }
}
