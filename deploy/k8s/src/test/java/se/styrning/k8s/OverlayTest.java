package se.styrning.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each overlay, rendered, is complete and consistent with the code: every resource fits its model, every
 * Deployment is hardened and probed, every reference resolves, every topic a service uses exists with an ACL,
 * ports and images line up, and only the gateway is exposed.
 */
class OverlayTest {

    static final List<String> SERVICES = List.of("gateway", "plan-service", "budget-service", "followup-service");
    static final Path K8S = ServiceSettings.ROOT.resolve("deploy/k8s");

    private static List<ObjectNode> render(String overlay) {
        return Kustomize.build(K8S.resolve("overlays/" + overlay));
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static ObjectNode named(List<ObjectNode> resources, String kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> r.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode container(ObjectNode deployment) {
        return deployment.at("/spec/template/spec/containers/0");
    }

    /** The config map entries a Deployment's container gets through envFrom. */
    private static Map<String, String> configOf(List<ObjectNode> resources, ObjectNode deployment) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode from : container(deployment).path("envFrom")) {
            named(resources, "ConfigMap", from.at("/configMapRef/name").asText()).path("data")
                    .fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyResourceFitsItsKubernetesOrCustomResourceModel(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<String> problems = resources.stream().flatMap(r -> Models.misfits(r).stream()).toList();
        assertEquals(List.of(), problems);
        Set<String> names = new HashSet<>();
        resources.forEach(r -> assertTrue(names.add(Models.name(r)), "twice: " + Models.name(r)));
        resources.forEach(r -> assertEquals(overlay.equals("dev") ? "styrning-dev" : "styrning", r.at("/metadata/namespace").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyDeploymentIsProbedLimitedAndHardened(String overlay) {
        List<ObjectNode> resources = render(overlay);
        assertEquals(new TreeSet<>(SERVICES), ofKind(resources, "Deployment").stream()
                .map(d -> d.at("/metadata/name").asText()).collect(Collectors.toCollection(TreeSet::new)));
        for (ObjectNode deployment : ofKind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode app = container(deployment);
            Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready")
                    .forEach((probe, path) -> {
                        assertEquals(path, app.at("/" + probe + "/httpGet/path").asText(), name + " " + probe);
                        assertEquals("http", app.at("/" + probe + "/httpGet/port").asText(), name + " " + probe);
                    });
            for (String field : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/cpu", "/resources/limits/memory")) {
                assertFalse(app.at(field).asText().isEmpty(), name + " " + field);
            }
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), name + " runs as non-root");
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), name);
            assertTrue(app.at("/securityContext/readOnlyRootFilesystem").asBoolean(), name + " read-only root");
            assertFalse(app.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), name + " no privilege escalation");
            assertEquals("ALL", app.at("/securityContext/capabilities/drop/0").asText(), name + " drops capabilities");
            JsonNode tmp = list(app.path("volumeMounts")).stream().filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no writable /tmp"));
            assertTrue(list(pod.path("volumes")).stream().anyMatch(v -> v.path("name").equals(tmp.path("name")) && v.has("emptyDir")),
                    name + " /tmp is an emptyDir");
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), name + " mounts no service account token");
            assertFalse(named(resources, "ServiceAccount", pod.path("serviceAccountName").asText())
                    .path("automountServiceAccountToken").asBoolean(true), name + " service account");
            assertEquals("true", deployment.at("/spec/template/metadata/annotations/prometheus.io~1scrape").asText(), name + " scraped");
            assertEquals("/q/metrics", deployment.at("/spec/template/metadata/annotations/prometheus.io~1path").asText(), name);
            assertEquals(app.at("/ports/0/containerPort").asText(),
                    deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(), name + " metrics port");

            ServiceSettings settings = ServiceSettings.of(name);
            int delay = Integer.parseInt(configOf(resources, deployment).getOrDefault("QUARKUS_SHUTDOWN_DELAY", "0s").replace("s", ""));
            assertTrue(settings.shutdownSeconds() > 0, name + " shuts down gracefully (quarkus.shutdown.timeout)");
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt() > delay + settings.shutdownSeconds(),
                    name + ": the grace period outlasts shutdown delay + timeout");

            List<ObjectNode> budgets = ofKind(resources, "PodDisruptionBudget").stream()
                    .filter(p -> p.at("/spec/selector/matchLabels").equals(deployment.at("/spec/selector/matchLabels"))).toList();
            assertEquals(1, budgets.size(), name + " has a PodDisruptionBudget");
            ObjectNode autoscaler = named(resources, "HorizontalPodAutoscaler", name);
            assertEquals("Deployment", autoscaler.at("/spec/scaleTargetRef/kind").asText());
            assertTrue(autoscaler.at("/spec/minReplicas").asInt() <= deployment.at("/spec/replicas").asInt(), name);
        }
    }

    /**
     * What each service's JVM held besides its heap after the bench's load, rounded up (docs/operations.md,
     * "Memory"): the memory limit must hold that and a full heap.
     */
    private static final Map<String, Integer> NON_HEAP_MIB = Map.of("gateway", 112, "plan-service", 232,
            "budget-service", 232, "followup-service", 232);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyJvmRunsAsMeasuredAndItsMemoryLimitHoldsAFullHeapAndTheRest(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode deployment : ofKind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            Map<String, String> config = configOf(resources, deployment);
            // else run-java.sh picks the Parallel collector and 80 % of the limit as heap
            assertEquals("-XX:+UseSerialGC", config.get("GC_CONTAINER_OPTIONS"), name);
            assertEquals("2", config.get("MALLOC_ARENA_MAX"), name);
            String options = config.getOrDefault("JAVA_OPTS_APPEND", "");
            Matcher image = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"")
                    .matcher(Files.readString(ServiceSettings.ROOT.resolve(name + "/src/main/docker/Dockerfile.jvm")));
            assertTrue(image.find(), name + "'s Dockerfile.jvm sets JAVA_OPTS_APPEND");
            for (String option : image.group(1).split("\\s+")) {
                assertTrue(options.contains(option), name + ": JAVA_OPTS_APPEND replaces the image's, so it keeps " + option);
            }
            Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(options);
            assertTrue(heap.find(), name + " sets -Xmx in megabytes");
            int limit = mebibytes(container(deployment).at("/resources/limits/memory").asText());
            int request = mebibytes(container(deployment).at("/resources/requests/memory").asText());
            assertTrue(limit >= Integer.parseInt(heap.group(1)) + NON_HEAP_MIB.get(name),
                    name + ": a " + limit + "Mi limit holds -Xmx" + heap.group(1) + "m and " + NON_HEAP_MIB.get(name) + "Mi besides");
            assertTrue(request <= limit, name);
        }
    }

    private static int mebibytes(String quantity) {
        return quantity.endsWith("Gi") ? Integer.parseInt(quantity.replace("Gi", "")) * 1024
                : Integer.parseInt(quantity.replace("Mi", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyEnvironmentVariableAndSecretVolumeRefersToAKeyThatExists(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        ofKind(resources, "ConfigMap").forEach(c -> configMaps.put(c.at("/metadata/name").asText(), keys(c.path("data"))));
        Map<String, Set<String>> secrets = secretsMadeByOperators(resources);
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : ofKind(resources, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode app = container(deployment);
            Set<String> defined = new HashSet<>();
            for (JsonNode from : app.path("envFrom")) {
                String map = from.at("/configMapRef/name").asText();
                if (!configMaps.containsKey(map)) {
                    problems.add(name + ": envFrom ConfigMap " + map + " does not exist");
                } else {
                    defined.addAll(configMaps.get(map));
                }
            }
            for (JsonNode env : app.path("env")) {
                String variable = env.path("name").asText();
                JsonNode secret = env.at("/valueFrom/secretKeyRef");
                JsonNode map = env.at("/valueFrom/configMapKeyRef");
                if (!secret.isMissingNode() && !secrets.getOrDefault(secret.path("name").asText(), Set.of()).contains(secret.path("key").asText())) {
                    problems.add(name + ": " + variable + " refers to Secret " + secret.path("name").asText() + " key "
                            + secret.path("key").asText() + ", which nothing makes");
                }
                if (!map.isMissingNode() && !configMaps.getOrDefault(map.path("name").asText(), Set.of()).contains(map.path("key").asText())) {
                    problems.add(name + ": " + variable + " refers to a missing ConfigMap key");
                }
                for (String used : env.path("value").asText().split("\\$\\(")) {
                    if (used.contains(")") && !defined.contains(used.substring(0, used.indexOf(')')))) {
                        problems.add(name + ": " + variable + " uses $(" + used.substring(0, used.indexOf(')')) + ") before it is defined");
                    }
                }
                defined.add(variable);
            }
            for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    for (JsonNode item : secret.path("items")) {
                        if (!secrets.getOrDefault(secret.path("secretName").asText(), Set.of()).contains(item.path("key").asText())) {
                            problems.add(name + ": volume " + volume.path("name").asText() + " needs a Secret key nothing makes");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The Secrets the operators write: CloudNativePG per Cluster, Strimzi per KafkaUser and per Kafka cluster. */
    private static Map<String, Set<String>> secretsMadeByOperators(List<ObjectNode> resources) {
        Map<String, Set<String>> secrets = new HashMap<>();
        ofKind(resources, "Cluster").forEach(c -> secrets.put(c.at("/metadata/name").asText() + "-app",
                Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "user")));
        ofKind(resources, "KafkaUser").stream().filter(u -> u.at("/spec/authentication/type").asText().equals("scram-sha-512"))
                .forEach(u -> secrets.put(u.at("/metadata/name").asText(), Set.of("password", "sasl.jaas.config")));
        ofKind(resources, "Kafka").forEach(k -> secrets.put(k.at("/metadata/name").asText() + "-cluster-ca-cert",
                Set.of("ca.crt", "ca.p12", "ca.password")));
        return secrets;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyTopicAServiceUsesExistsAndItsKafkaUserMayUseExactlyThose(String overlay) {
        List<ObjectNode> resources = render(overlay);
        ObjectNode kafka = ofKind(resources, "Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        int brokers = ofKind(resources, "KafkaNodePool").stream().mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        Map<String, ObjectNode> topics = new HashMap<>();
        for (ObjectNode topic : ofKind(resources, "KafkaTopic")) {
            String name = topic.at("/metadata/name").asText();
            topics.put(name, topic);
            assertEquals(cluster, topic.at("/metadata/labels/strimzi.io~1cluster").asText(), name);
            int replicas = topic.at("/spec/replicas").asInt();
            int minInsync = topic.at("/spec/config/min.insync.replicas").asInt();
            assertTrue(replicas <= brokers, name + ": no more replicas than brokers");
            assertTrue(minInsync == 1 && replicas == 1 || minInsync < replicas, name + ": one replica may fail and writes go on");
            if (overlay.equals("production")) {
                assertEquals(3, replicas, name);
                assertEquals(2, minInsync, name);
            }
            assertFalse(topic.at("/spec/config/retention.ms").isMissingNode(), name + " has a retention");
        }
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            ServiceSettings settings = ServiceSettings.of(service);
            Set<String> expected = new TreeSet<>();
            settings.writes().forEach(t -> expected.add("topic " + t + " Describe,Write"));
            settings.reads().forEach(t -> expected.add("topic " + t + " Describe,Read"));
            settings.groups().forEach(g -> expected.add("group " + g + " Read"));
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : named(resources, "KafkaUser", service).at("/spec/authorization/acls")) {
                granted.add(acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText() + " "
                        + list(acl.path("operations")).stream().map(JsonNode::asText).sorted().collect(Collectors.joining(",")));
            }
            if (!expected.equals(granted)) {
                problems.add(service + ": its configuration needs " + expected + ", its KafkaUser grants " + granted);
            }
            settings.writes().forEach(t -> {
                if (!topics.containsKey(t)) {
                    problems.add(service + " writes " + t + ", which has no KafkaTopic");
                }
            });
            settings.reads().forEach(t -> {
                if (!topics.containsKey(t)) {
                    problems.add(service + " reads " + t + ", which has no KafkaTopic");
                }
            });
            if (!settings.reads().isEmpty()) {
                int partitions = settings.reads().stream().filter(topics::containsKey)
                        .mapToInt(t -> topics.get(t).at("/spec/partitions").asInt()).min().orElse(0);
                int pods = named(resources, "HorizontalPodAutoscaler", service).at("/spec/maxReplicas").asInt();
                int perPod = settings.mostConsumersPerPod(configOf(resources, named(resources, "Deployment", service)));
                if (pods * perPod > partitions) {
                    problems.add(service + " may scale to " + pods + " pods × " + perPod + " consumers, but its topics have "
                            + partitions + " partitions");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void servicesReachTheKafkaListenerAndTheirOwnDatabase(String overlay) {
        List<ObjectNode> resources = render(overlay);
        ObjectNode kafka = ofKind(resources, "Kafka").get(0);
        JsonNode listener = list(kafka.at("/spec/kafka/listeners")).stream()
                .filter(l -> l.path("tls").asBoolean() && l.at("/authentication/type").asText().equals("scram-sha-512"))
                .findFirst().orElseThrow(() -> new AssertionError("no TLS + SCRAM listener"));
        String bootstrap = kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
        Set<String> peers = list(listener.at("/networkPolicyPeers/0/podSelector/matchExpressions/0/values")).stream()
                .map(JsonNode::asText).collect(Collectors.toSet());
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            ObjectNode deployment = named(resources, "Deployment", service);
            Map<String, String> config = configOf(resources, deployment);
            assertEquals(bootstrap, config.get("KAFKA_BOOTSTRAP_SERVERS"), service);
            assertEquals("SASL_SSL", config.get("KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM"), service);
            String truststore = config.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertTrue(list(container(deployment).path("volumeMounts")).stream()
                    .anyMatch(m -> truststore.startsWith(m.path("mountPath").asText() + "/")), service + " mounts the cluster CA");
            assertTrue(peers.contains(service), service + " may reach the brokers");

            String database = service.replace("-service", "-db");
            named(resources, "Cluster", database);
            ObjectNode policy = named(resources, "NetworkPolicy", database);
            assertEquals(database, policy.at("/spec/podSelector/matchLabels/cnpg.io~1cluster").asText());
            assertEquals(service, policy.at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText(),
                    database + " takes connections from " + service);
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode from : rule.path("from")) {
                    String app = from.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText();
                    assertTrue(app.isEmpty() || app.equals(service), database + " is reachable from " + app);
                }
            }
        }
        assertFalse(peers.contains("gateway"), "the gateway does not reach Kafka");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void portsLineUpAndOnlyTheGatewayIsExposed(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (ObjectNode service : ofKind(resources, "Service")) {
            String name = service.at("/metadata/name").asText();
            assertEquals("ClusterIP", service.at("/spec/type").asText(), name + " stays inside the cluster");
            ObjectNode deployment = ofKind(resources, "Deployment").stream()
                    .filter(d -> d.at("/spec/template/metadata/labels").toString().contains(service.at("/spec/selector").toString()
                            .replaceAll("^\\{|}$", "")))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " selects no Deployment"));
            JsonNode app = container(deployment);
            for (JsonNode port : service.at("/spec/ports")) {
                JsonNode containerPort = list(app.path("ports")).stream()
                        .filter(p -> p.path("name").asText().equals(port.path("targetPort").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError(name + " targets a port its pods do not have"));
                String configured = configOf(resources, deployment).get("QUARKUS_HTTP_PORT");
                int listens = configured != null ? Integer.parseInt(configured) : ServiceSettings.of(name).port();
                assertEquals(listens, containerPort.path("containerPort").asInt(), name + ": the container port is where Quarkus listens");
            }
        }
        List<ObjectNode> ingresses = ofKind(resources, "Ingress");
        assertEquals(1, ingresses.size());
        for (JsonNode rule : ingresses.get(0).at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                assertEquals("gateway", path.at("/backend/service/name").asText());
                assertTrue(path.path("path").asText().startsWith("/api") || path.path("path").asText().startsWith("/q/openapi")
                        || path.path("path").asText().startsWith("/q/swagger-ui") || path.path("path").asText().equals("/q/asyncapi")
                        || path.path("path").asText().equals("/contracts"), "only the API and its documentation: " + path);
            }
        }

        Map<String, String> gateway = configOf(resources, named(resources, "Deployment", "gateway"));
        for (String upstream : List.of("plan", "budget", "followup")) {
            URI url = URI.create(gateway.get("STYRNING_GATEWAY_UPSTREAMS_" + upstream.toUpperCase() + "_URL"));
            ObjectNode target = named(resources, "Service", url.getHost());
            assertEquals(url.getPort(), target.at("/spec/ports/0/port").asInt(), "gateway → " + upstream);
        }
    }

    /**
     * Production backs up every database continuously (WAL archiving to its own object store, with retention) and takes
     * a base backup every night; dev, without an object store, none.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void productionBacksUpEveryDatabaseContinuouslyAndNightly(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<ObjectNode> clusters = ofKind(resources, "Cluster");
        assertEquals(3, clusters.size());
        if (overlay.equals("dev")) {
            assertEquals(List.of(), ofKind(resources, "ScheduledBackup"));
            clusters.forEach(cluster -> assertTrue(cluster.at("/spec/plugins").isMissingNode(), Models.name(cluster)));
            return;
        }
        Set<String> stores = new HashSet<>();
        for (ObjectNode cluster : clusters) {
            String name = cluster.at("/metadata/name").asText();
            JsonNode plugin = cluster.at("/spec/plugins/0");
            assertEquals("barman-cloud.cloudnative-pg.io", plugin.path("name").asText(), name);
            assertTrue(plugin.path("isWALArchiver").asBoolean(), name + " archives its WAL");
            String storeName = plugin.at("/parameters/barmanObjectName").asText();
            assertTrue(stores.add(storeName), "one object store per database: " + storeName);
            ObjectNode store = named(resources, "ObjectStore", storeName);
            assertTrue(store.at("/spec/configuration/destinationPath").asText().endsWith("/" + name), name);
            assertEquals("30d", store.at("/spec/retentionPolicy").asText(), name);
            assertEquals("styrning-backup-s3", store.at("/spec/configuration/s3Credentials/accessKeyId/name").asText(), name);
            assertEquals("styrning-backup-s3", store.at("/spec/configuration/s3Credentials/secretAccessKey/name").asText(), name);
            List<ObjectNode> nightly = ofKind(resources, "ScheduledBackup").stream()
                    .filter(backup -> backup.at("/spec/cluster/name").asText().equals(name)).toList();
            assertEquals(1, nightly.size(), name);
            assertEquals("plugin", nightly.get(0).at("/spec/method").asText(), name);
            assertEquals("barman-cloud.cloudnative-pg.io", nightly.get(0).at("/spec/pluginConfiguration/name").asText(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void networkPoliciesLetOnlyTheGatewayCallTheServices(String overlay) {
        List<ObjectNode> resources = render(overlay);
        assertTrue(ofKind(resources, "NetworkPolicy").stream().anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                && p.at("/spec/policyTypes/0").asText().equals("Ingress") && p.at("/spec/ingress").isMissingNode()), "default deny");
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            ObjectNode policy = named(resources, "NetworkPolicy", service);
            assertEquals(service, policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText());
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode from : rule.path("from")) {
                    boolean gateway = from.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals("gateway");
                    boolean monitoring = from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText().equals("monitoring");
                    assertTrue(gateway || monitoring, service + " takes calls from " + from);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void imagesFollowTheOverlaysRegistryAndTag(String overlay) throws IOException {
        JsonNode kustomization = Kustomize.read(K8S.resolve("overlays/" + overlay + "/kustomization.yaml")).get(0);
        Set<String> tags = new HashSet<>();
        Set<String> registries = new HashSet<>();
        Map<String, String> images = new HashMap<>();
        for (JsonNode image : kustomization.path("images")) {
            String newName = image.path("newName").asText();
            tags.add(image.path("newTag").asText());
            registries.add(newName.substring(0, newName.lastIndexOf('/')));
            images.put(image.path("name").asText(), newName + ":" + image.path("newTag").asText());
        }
        assertEquals(1, tags.size(), overlay + ": one tag for all images");
        assertEquals(1, registries.size(), overlay + ": one registry for all images");
        String registry = registries.iterator().next();
        String tag = tags.iterator().next();
        for (ObjectNode deployment : ofKind(render(overlay), "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            assertEquals(registry + "/" + name + ":" + tag, container(deployment).path("image").asText(), name);
            assertTrue(images.containsKey("styrning/" + name), name);
            assertTrue(Files.isRegularFile(ServiceSettings.ROOT.resolve(name + "/src/main/docker/Dockerfile.jvm")), name + " has a Dockerfile.jvm");
        }
    }

    @Test
    void kubectlRendersEachOverlayAsTheseTestsDo() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed: the overlays are checked as rendered by the tests alone");
        for (String overlay : List.of("dev", "production")) {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays/" + overlay).toString())
                    .redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
            assertEquals(0, kubectl.exitValue(), "kubectl kustomize overlays/" + overlay + ":\n" + output);
            Map<String, JsonNode> theirs = byName(Kustomize.documents(output));
            Map<String, JsonNode> ours = byName(render(overlay));
            assertEquals(new TreeSet<>(theirs.keySet()), new TreeSet<>(ours.keySet()), overlay);
            theirs.forEach((name, resource) -> assertEquals(resource, ours.get(name), overlay + " " + name));
        }
    }

    private static Map<String, JsonNode> byName(List<ObjectNode> resources) {
        return resources.stream().collect(Collectors.toMap(Models::name, r -> r));
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
