package se.styrning.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of kustomize these manifests use:
 * resources (files and directories), components (with their resources, ConfigMap generators and patches), namespace,
 * images, replicas and JSON 6902 patches selected by kind and name. Anything else in a kustomization is refused, so a feature added to the manifests cannot be
 * silently skipped here; where kubectl is installed the tests compare both renderings.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "components", "namespace",
            "images", "replicas", "patches");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path directory) {
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!UNDERSTOOD.contains(field)) {
                throw new IllegalStateException(directory + ": kustomize feature '" + field + "' is not rendered by the tests");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : read(path));
        }
        for (JsonNode component : kustomization.path("components")) {
            Path path = directory.resolve(component.asText()).normalize();
            JsonNode own = read(path.resolve("kustomization.yaml")).get(0);
            if (!"Component".equals(own.path("kind").asText())) {
                throw new IllegalStateException(path + " is not a kustomize Component");
            }
            own.fieldNames().forEachRemaining(field -> {
                if (!Set.of("apiVersion", "kind", "resources", "configMapGenerator", "patches").contains(field)) {
                    throw new IllegalStateException(path + ": a component's '" + field + "' is not rendered by the tests");
                }
            });
            for (JsonNode resource : own.path("resources")) {
                Path file = path.resolve(resource.asText()).normalize();
                resources.addAll(Files.isDirectory(file) ? build(file) : read(file));
            }
            for (JsonNode generator : own.path("configMapGenerator")) {
                resources.add(configMap(path, generator));
            }
            // as kustomize does: a component's patches apply to everything the kustomization holds so far
            for (JsonNode patch : own.path("patches")) {
                patch(resources, patch);
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch(resources, patch);
        }
        if (kustomization.has("namespace")) {
            resources.forEach(resource -> ((ObjectNode) resource.get("metadata")).put("namespace", kustomization.get("namespace").asText()));
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.stream().filter(r -> r.path("kind").asText().equals("Deployment")).forEach(deployment -> {
                for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                    if (container.path("image").asText().split(":")[0].equals(image.get("name").asText())) {
                        ((ObjectNode) container).put("image", image.get("newName").asText() + ":" + image.get("newTag").asText());
                    }
                }
            });
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            resources.stream().filter(r -> r.path("kind").asText().equals("Deployment")
                            && r.at("/metadata/name").asText().equals(replicas.get("name").asText()))
                    .forEach(deployment -> ((ObjectNode) deployment.get("spec")).put("replicas", replicas.get("count").asInt()));
        }
        return resources;
    }

    /**
     * A ConfigMap from files, as kustomize generates it: each file's name (or the key before {@code =}) holds its text.
     * Only unhashed names: kustomize's name suffix is a hash of the content these tests do not compute.
     */
    private static ObjectNode configMap(Path directory, JsonNode generator) {
        generator.fieldNames().forEachRemaining(field -> {
            if (!Set.of("name", "files", "options").contains(field)) {
                throw new IllegalStateException(directory + ": configMapGenerator '" + field + "' is not rendered by the tests");
            }
        });
        JsonNode options = generator.path("options");
        options.fieldNames().forEachRemaining(field -> {
            if (!Set.of("disableNameSuffixHash", "labels").contains(field)) {
                throw new IllegalStateException(directory + ": configMapGenerator option '" + field + "' is not rendered by the tests");
            }
        });
        if (!options.path("disableNameSuffixHash").asBoolean()) {
            throw new IllegalStateException(directory + ": the tests render only configMapGenerators with disableNameSuffixHash");
        }
        ObjectNode configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = configMap.putObject("metadata").put("name", generator.path("name").asText());
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        ObjectNode data = configMap.putObject("data");
        for (JsonNode file : generator.path("files")) {
            String[] keyAndPath = file.asText().split("=", 2);
            Path source = directory.resolve(keyAndPath[keyAndPath.length - 1]).normalize();
            try {
                data.put(keyAndPath.length == 2 ? keyAndPath[0] : source.getFileName().toString(), Files.readString(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configMap;
    }

    private static void patch(List<ObjectNode> resources, JsonNode patch) {
        JsonNode target = patch.path("target");
        JsonNode operations = parse(patch.path("patch").asText());
        if (!(operations instanceof ArrayNode)) {
            throw new IllegalStateException("only JSON 6902 patches are rendered by the tests: " + patch);
        }
        target.fieldNames().forEachRemaining(field -> {
            if (!Set.of("kind", "name").contains(field)) {
                throw new IllegalStateException("patch target '" + field + "' is not rendered by the tests");
            }
        });
        for (int i = 0; i < resources.size(); i++) {
            ObjectNode resource = resources.get(i);
            boolean kind = !target.has("kind") || target.get("kind").asText().equals(resource.path("kind").asText());
            boolean name = !target.has("name") || target.get("name").asText().equals(resource.at("/metadata/name").asText());
            if (kind && name) {
                resources.set(i, (ObjectNode) JsonPatch.apply(operations, resource));
            }
        }
    }

    /** Every document of a YAML file (or of kubectl's output). */
    static List<ObjectNode> read(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try {
            Iterator<JsonNode> parsed = YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(yaml));
            parsed.forEachRemaining(document -> {
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
