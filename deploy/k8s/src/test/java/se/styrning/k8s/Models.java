package se.styrning.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed models a rendered resource must fit: fabric8's Kubernetes model and Strimzi's own for its resources.
 * Both keep fields they do not know in {@code additionalProperties}; a resource fits only when none are left
 * anywhere in it, so a misspelt field (e.g. {@code readinesProbe}) is caught, not carried along.
 */
final class Models {

    static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, Class<? extends HasMetadata>> BY_KIND = Map.ofEntries(
            Map.entry("Deployment", Deployment.class),
            Map.entry("Service", Service.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("ServiceAccount", ServiceAccount.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("Ingress", Ingress.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("Kafka", Kafka.class),
            Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class),
            Map.entry("KafkaUser", KafkaUser.class));

    /** CloudNativePG publishes no Java model: its Cluster is checked against the fields of its v1 API these manifests use. */
    static final String CNPG_API = "postgresql.cnpg.io/v1";
    static final Set<String> CNPG_CLUSTER_SPEC = Set.of("instances", "storage", "bootstrap", "resources", "imageName",
            "postgresql", "backup", "affinity", "monitoring", "enableSuperuserAccess", "primaryUpdateStrategy", "plugins");
    static final Set<String> CNPG_SCHEDULED_BACKUP_SPEC = Set.of("schedule", "immediate", "backupOwnerReference", "cluster",
            "method", "pluginConfiguration", "suspend", "target");
    /** The Barman Cloud plugin's ObjectStore, likewise without a Java model. */
    static final String BARMAN_API = "barmancloud.cnpg.io/v1";
    static final Set<String> BARMAN_OBJECT_STORE_SPEC = Set.of("configuration", "retentionPolicy", "instanceSidecarConfiguration");
    static final Set<String> BARMAN_CONFIGURATION = Set.of("destinationPath", "endpointURL", "endpointCA", "s3Credentials",
            "azureCredentials", "googleCredentials", "wal", "data", "tags", "historyTags");

    /** The Prometheus Operator's PodMonitor and PrometheusRule, without a Java model here either. */
    static final String MONITORING_API = "monitoring.coreos.com/v1";
    static final Set<String> POD_MONITOR_SPEC = Set.of("selector", "namespaceSelector", "podMetricsEndpoints", "jobLabel",
            "podTargetLabels", "sampleLimit", "targetLimit", "labelLimit", "labelNameLengthLimit", "labelValueLengthLimit",
            "attachMetadata", "scrapeClass", "scrapeProtocols");
    static final Set<String> POD_METRICS_ENDPOINT = Set.of("port", "portNumber", "path", "scheme", "params", "interval",
            "scrapeTimeout", "honorLabels", "honorTimestamps", "relabelings", "metricRelabelings", "basicAuth", "authorization",
            "oauth2", "tlsConfig", "bearerTokenSecret", "proxyUrl", "followRedirects", "enableHttp2", "filterRunning");
    static final Set<String> RELABELING = Set.of("sourceLabels", "separator", "targetLabel", "regex", "modulus", "replacement",
            "action");
    static final Set<String> RULE_GROUP = Set.of("name", "interval", "rules", "limit", "query_offset", "partial_response_strategy");
    static final Set<String> RULE = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations");
    private static final String DURATION = "(\\d+(ms|s|m|h|d|w|y))+";

    private Models() {
    }

    static <T extends HasMetadata> T as(ObjectNode resource, Class<T> type) {
        try {
            return JSON.treeToValue(resource, type);
        } catch (Exception e) {
            throw new AssertionError(name(resource) + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Problems: the apiVersion is not the model's, or fields the model does not know. */
    static List<String> misfits(ObjectNode resource) {
        List<String> problems = new ArrayList<>();
        String kind = resource.path("kind").asText();
        if (kind.equals("ScheduledBackup")) {
            known(resource, CNPG_API, "/spec", CNPG_SCHEDULED_BACKUP_SPEC, problems);
            if (resource.at("/spec/cluster/name").asText().isEmpty() || resource.at("/spec/schedule").asText().split(" ").length != 6) {
                problems.add(name(resource) + ": needs cluster.name and a six-field schedule (seconds first)");
            }
            return problems;
        }
        if (kind.equals("ObjectStore")) {
            known(resource, BARMAN_API, "/spec", BARMAN_OBJECT_STORE_SPEC, problems);
            known(resource, BARMAN_API, "/spec/configuration", BARMAN_CONFIGURATION, problems);
            if (!resource.at("/spec/configuration/destinationPath").asText().matches("(s3|gs|https)://.+")) {
                problems.add(name(resource) + ": needs configuration.destinationPath in an object store");
            }
            return problems;
        }
        if (kind.equals("PodMonitor")) {
            podMonitor(resource, problems);
            return problems;
        }
        if (kind.equals("PrometheusRule")) {
            prometheusRule(resource, problems);
            return problems;
        }
        if (kind.equals("Cluster")) {
            if (!CNPG_API.equals(resource.path("apiVersion").asText())) {
                problems.add(name(resource) + ": apiVersion is not " + CNPG_API);
            }
            resource.path("spec").fieldNames().forEachRemaining(field -> {
                if (!CNPG_CLUSTER_SPEC.contains(field)) {
                    problems.add(name(resource) + ": spec." + field + " is not a field of a CloudNativePG Cluster these tests know");
                }
            });
            JsonNode initdb = resource.at("/spec/bootstrap/initdb");
            if (resource.at("/spec/instances").asInt() < 1 || resource.at("/spec/storage/size").isMissingNode()
                    || initdb.path("database").asText().isEmpty() || initdb.path("owner").asText().isEmpty()) {
                problems.add(name(resource) + ": needs instances, storage.size and bootstrap.initdb database and owner");
            }
            return problems;
        }
        Class<? extends HasMetadata> type = BY_KIND.get(kind);
        if (type == null) {
            problems.add(name(resource) + ": no model for kind " + kind);
            return problems;
        }
        if (!apiVersion(type).equals(resource.path("apiVersion").asText())) {
            problems.add(name(resource) + ": apiVersion " + resource.path("apiVersion").asText() + ", the model's is "
                    + apiVersion(type));
        }
        unknownFields(as(resource, type), name(resource), problems);
        return problems;
    }

    /** Selects pods by a label selector fabric8 knows, scrapes named ports, and relabels with known fields. */
    private static void podMonitor(ObjectNode resource, List<String> problems) {
        known(resource, MONITORING_API, "/spec", POD_MONITOR_SPEC, problems);
        JsonNode selector = resource.at("/spec/selector");
        if (selector.isEmpty()) {
            problems.add(name(resource) + ": needs a selector, or it scrapes every pod of the namespace");
        } else {
            unknownFields(as(selector, LabelSelector.class, name(resource)), name(resource) + ".spec.selector", problems);
        }
        if (resource.at("/spec/podMetricsEndpoints").isEmpty()) {
            problems.add(name(resource) + ": needs podMetricsEndpoints");
        }
        int i = 0;
        for (JsonNode endpoint : resource.at("/spec/podMetricsEndpoints")) {
            String where = name(resource) + ": spec.podMetricsEndpoints[" + i++ + "]";
            fields(where, endpoint, POD_METRICS_ENDPOINT, problems);
            if (endpoint.path("port").asText().isEmpty() && !endpoint.has("portNumber")) {
                problems.add(where + " needs a port");
            }
            for (String relabelings : List.of("relabelings", "metricRelabelings")) {
                endpoint.path(relabelings).forEach(relabeling -> fields(where + "." + relabelings, relabeling, RELABELING, problems));
            }
        }
    }

    /** Groups of rules, each rule an alert or a recording with an expression and, if it waits, a duration. */
    private static void prometheusRule(ObjectNode resource, List<String> problems) {
        known(resource, MONITORING_API, "/spec", Set.of("groups"), problems);
        for (JsonNode group : resource.at("/spec/groups")) {
            String where = name(resource) + ": group " + group.path("name").asText();
            fields(where, group, RULE_GROUP, problems);
            if (group.path("name").asText().isEmpty() || group.path("rules").isEmpty()) {
                problems.add(where + " needs a name and rules");
            }
            for (JsonNode rule : group.path("rules")) {
                String ruleName = where + " rule " + rule.path("alert").asText(rule.path("record").asText());
                fields(ruleName, rule, RULE, problems);
                if (rule.has("alert") == rule.has("record") || rule.path("expr").asText().isBlank()) {
                    problems.add(ruleName + " needs an expr and either alert or record");
                }
                for (String duration : List.of("for", "keep_firing_for")) {
                    if (rule.has(duration) && !rule.get(duration).asText().matches(DURATION)) {
                        problems.add(ruleName + ": " + duration + " is not a duration");
                    }
                }
            }
        }
    }

    /** The resource has the apiVersion and, at {@code at}, only the fields named. */
    private static void known(ObjectNode resource, String apiVersion, String at, Set<String> fields, List<String> problems) {
        if (!apiVersion.equals(resource.path("apiVersion").asText())) {
            problems.add(name(resource) + ": apiVersion is not " + apiVersion);
        }
        fields(name(resource) + ": " + at.substring(1).replace('/', '.'), resource.at(at), fields, problems);
    }

    private static void fields(String where, JsonNode object, Set<String> fields, List<String> problems) {
        object.fieldNames().forEachRemaining(field -> {
            if (!fields.contains(field)) {
                problems.add(where + "." + field + " is not a field these tests know");
            }
        });
    }

    private static <T> T as(JsonNode value, Class<T> type, String where) {
        try {
            return JSON.treeToValue(value, type);
        } catch (Exception e) {
            throw new AssertionError(where + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Strimzi's model carries v1beta2 as its fabric8 version but describes v1 too, the API these manifests use. */
    private static String apiVersion(Class<? extends HasMetadata> type) {
        return type.getName().startsWith("io.strimzi.") ? HasMetadata.getGroup(type) + "/v1" : HasMetadata.getApiVersion(type);
    }

    static String name(JsonNode resource) {
        return resource.path("kind").asText() + "/" + resource.at("/metadata/name").asText();
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (value == null || !isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is")) || getter.getName().equals("getClass")) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(property, path + "." + getter.getName().replaceFirst("^(get|is)", ""), problems);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api");
    }
}
