package se.styrning.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' OpenAPI documents as one, with the bearer scheme. Each service's {@code /api/audit/{service}} becomes
 * its own path ({@code /api/audit/plan}, …); a service that did not answer is named in the description instead of
 * failing the whole document. A schema several services define alike (Problem, Page) is served once; one that a later
 * service (by name) defines differently is served under the service's name first (a later {@code Thing} becomes {@code BudgetThing}),
 * that service's references are pointed at it, and the document lists it in {@code x-schema-collisions}, so a client
 * generated from the document never gets one service's body for another's operation.
 */
final class OpenApiMerge {

    private static final String AUDIT = "/api/audit/{service}";
    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonObject paths = new JsonObject();
    private final JsonObject schemas = new JsonObject();
    private final Map<String, String> owners = new HashMap<>();
    private final JsonArray tags = new JsonArray();
    private final JsonArray collisions = new JsonArray();
    private final List<String> missing = new ArrayList<>();

    /** By service name, in the order given; a service without a document (null) is named as missing. */
    OpenApiMerge(Map<String, JsonObject> documents) {
        documents.forEach(this::add);
    }

    /** Whether every service's document is in. */
    boolean complete() {
        return missing.isEmpty();
    }

    /** The schemas served under another name: schema, service, differsFrom, servedAs. */
    JsonArray collisions() {
        return collisions;
    }

    JsonObject document() {
        String description = "Planning and follow-up for Swedish regions: plan-, budget- and followup-service behind one gateway."
                + (missing.isEmpty() ? "" : " Not included now (the service did not answer): " + String.join(", ", missing) + ".");
        JsonObject document = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Styrning API").put("version", "0.1.0").put("description", description))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
                        .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
        if (!collisions.isEmpty()) {
            document.put("x-schema-collisions", collisions);
        }
        return document;
    }

    private void add(String service, JsonObject openapi) {
        if (openapi == null) {
            missing.add(service);
            return;
        }
        Map<String, String> renamed = renames(service, schemasOf(openapi));
        JsonObject document = (JsonObject) withReferences(openapi, renamed);
        schemasOf(document).forEach(schema -> {
            String name = renamed.getOrDefault(schema.getKey(), schema.getKey());
            if (!schemas.containsKey(name)) {
                schemas.put(name, schema.getValue());
                owners.put(name, service);
            }
        });
        document.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (path.getKey().equals(AUDIT)) {
                paths.put("/api/audit/" + service, withoutServiceParameter((JsonObject) path.getValue()));
            } else if (!path.getKey().startsWith("/q/")) {
                paths.put(path.getKey(), path.getValue());
            }
        });
        document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        });
    }

    /**
     * The service's schemas whose name is taken by a different definition, with the names they are served under. A
     * schema that only refers to a renamed one differs too, so this repeats until no more are found.
     */
    private Map<String, String> renames(String service, JsonObject own) {
        Map<String, String> renamed = new HashMap<>();
        boolean found = true;
        while (found) {
            found = false;
            for (String name : own.fieldNames()) {
                if (!renamed.containsKey(name) && schemas.containsKey(name)
                        && !schemas.getValue(name).equals(withReferences(own.getValue(name), renamed))) {
                    String servedAs = freeName(service, name, renamed);
                    renamed.put(name, servedAs);
                    collisions.add(new JsonObject().put("schema", name).put("service", service)
                            .put("differsFrom", owners.get(name)).put("servedAs", servedAs));
                    found = true;
                }
            }
        }
        return renamed;
    }

    private String freeName(String service, String name, Map<String, String> renamed) {
        String base = Character.toUpperCase(service.charAt(0)) + service.substring(1) + name;
        String candidate = base;
        for (int n = 2; schemas.containsKey(candidate) || renamed.containsValue(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** A copy of {@code value} whose references to renamed schemas name their new names. */
    private static Object withReferences(Object value, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return value;
        }
        if (value instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(field -> copy.put(field.getKey(), field.getKey().equals("$ref") && field.getValue() instanceof String ref
                    ? renamedReference(ref, renamed) : withReferences(field.getValue(), renamed)));
            return copy;
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(withReferences(item, renamed)));
            return copy;
        }
        return value;
    }

    private static String renamedReference(String ref, Map<String, String> renamed) {
        if (!ref.startsWith(SCHEMAS)) {
            return ref;
        }
        String name = ref.substring(SCHEMAS.length());
        return SCHEMAS + renamed.getOrDefault(name, name);
    }

    private static JsonObject schemasOf(JsonObject openapi) {
        return openapi.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
    }

    private static JsonObject withoutServiceParameter(JsonObject path) {
        JsonObject copy = path.copy();
        copy.forEach(operation -> {
            if (operation.getValue() instanceof JsonObject details && details.getJsonArray("parameters") != null) {
                JsonArray kept = new JsonArray();
                details.getJsonArray("parameters").forEach(parameter -> {
                    if (!(parameter instanceof JsonObject p && "service".equals(p.getString("name")) && "path".equals(p.getString("in")))) {
                        kept.add(parameter);
                    }
                });
                details.put("parameters", kept);
            }
        });
        return copy;
    }
}
