package se.styrning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The compatibility rule of docs/events.md, checked: each schema in {@code contracts/events/} against the same type's
 * schema as last released, kept in {@code contracts/released/}. Within a type a schema may only gain optional fields
 * (at any depth). Everything else a released schema says stays as it is: every field, its type, format, values and
 * constraints, and which fields are required. Texts ({@code title}, {@code description}, examples) may change. A
 * released type may not disappear; a type not yet released may change freely.
 */
public final class SchemaCompatibility {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXTS = Set.of("title", "description", "$comment", "examples", "$id", "$schema");

    private SchemaCompatibility() {
    }

    /** Fails with every break of the rule in the schemas of the types that start with {@code typePrefix}. */
    public static void assertCompatibleWithRelease(String typePrefix) {
        Path released = EventContracts.contracts().resolve("released");
        List<String> breaks = new ArrayList<>();
        try (Stream<Path> files = Files.list(released)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(typePrefix)
                    && f.getFileName().toString().endsWith(".schema.json")).sorted().toList()) {
                String name = file.getFileName().toString();
                Path current = released.resolveSibling("events").resolve(name);
                if (!Files.exists(current)) {
                    breaks.add(name + ": a released type is gone (publish it beside its successor until it is retired)");
                    continue;
                }
                breaks.addAll(breaks(name.replace(".schema.json", ""), JSON.readTree(file.toFile()),
                        JSON.readTree(current.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!breaks.isEmpty()) {
            throw new AssertionError("changes the compatibility rule (docs/events.md) does not allow within a type; "
                    + "make them a new type .vN+1:\n  " + String.join("\n  ", breaks));
        }
    }

    /** What {@code current} changes of {@code released} against the rule, each with its path. */
    static List<String> breaks(String path, JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        released.fieldNames().forEachRemaining(keys::add);
        current.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (TEXTS.contains(key) || key.equals("required")) {
                continue;
            }
            JsonNode before = released.get(key);
            JsonNode after = current.get(key);
            if (key.equals("properties") && before != null && after != null) {
                breaks.addAll(properties(path, before, after, required(current)));
            } else if (key.equals("items") && before != null && after != null) {
                breaks.addAll(breaks(path + "[]", before, after));
            } else if (before == null) {
                breaks.add(path + ": adds \"" + key + "\": " + after);
            } else if (after == null) {
                breaks.add(path + ": drops \"" + key + "\": " + before);
            } else if (!before.equals(after)) {
                breaks.add(path + ": \"" + key + "\" was " + before + ", is " + after);
            }
        }
        Set<String> wasRequired = required(released);
        Set<String> isRequired = required(current);
        for (String field : wasRequired) {
            if (!isRequired.contains(field)) {
                breaks.add(path + "." + field + ": no longer required");
            }
        }
        for (String field : isRequired) {
            if (!wasRequired.contains(field) && released.path("properties").has(field)) {
                breaks.add(path + "." + field + ": was optional, is required");
            }
        }
        return breaks;
    }

    private static List<String> properties(String path, JsonNode before, JsonNode after, Set<String> required) {
        List<String> breaks = new ArrayList<>();
        for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!after.has(name)) {
                breaks.add(path + "." + name + ": removed");
            } else {
                breaks.addAll(breaks(path + "." + name, before.get(name), after.get(name)));
            }
        }
        for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!before.has(name) && required.contains(name)) {
                breaks.add(path + "." + name + ": a new field must be optional");
            }
        }
        return breaks;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        return required;
    }
}
