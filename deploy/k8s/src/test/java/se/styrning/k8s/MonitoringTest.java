package se.styrning.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.AlertMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production is monitored (the monitoring component): every service, the Kafka brokers, Kafka Exporter and every
 * PostgreSQL instance are scraped and may be, every alert is labelled, explained and names a metric, and the dashboard
 * is valid and shows what operators need. Dev, which may run where the Prometheus Operator is not installed, is not.
 */
class MonitoringTest {

    private static final List<ObjectNode> PRODUCTION = Kustomize.build(OverlayTest.K8S.resolve("overlays/production"));
    private static final Set<String> ALERTS = Set.of("StyrningOutboxStuck", "StyrningRelayFailing", "StyrningDeadLetter",
            "StyrningConsumerLagGrowing", "StyrningEventsWaiting", "StyrningCircuitOpen", "StyrningDatabaseUnreachable",
            "StyrningEventsRetriedOnDatabase");
    private static final Set<String> DASHBOARD_METRICS = Set.of("styrning_outbox_backlog", "styrning_outbox_oldest_age_seconds",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumergroup_lag", "styrning_inbox_dead_letters_total", "styrning_inbox_apply_seconds_bucket",
            "styrning_gateway_circuit_open", "styrning_gateway_rate_limited_total", "styrning_report_build_seconds_bucket",
            "styrning_reminders_sent_total", "http_server_requests_seconds_sum", "styrning_inbox_waiting");

    private static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new HashMap<>();
        object.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** A Kubernetes label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(labels(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = list(expression.path("values")).stream().map(JsonNode::asText).collect(Collectors.toSet());
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expression);
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /**
     * The PodMonitor endpoints that scrape a pod with these labels on this port name, having checked that a
     * NetworkPolicy lets Prometheus (in the namespace monitoring) reach that port: the default deny refuses it otherwise.
     */
    private static List<JsonNode> scraping(Map<String, String> pod, String port, String what) {
        List<JsonNode> endpoints = new ArrayList<>();
        for (ObjectNode monitor : ofKind(PRODUCTION, "PodMonitor")) {
            if (selects(monitor.at("/spec/selector"), pod)) {
                list(monitor.at("/spec/podMetricsEndpoints")).stream().filter(e -> e.path("port").asText().equals(port))
                        .forEach(endpoints::add);
            }
        }
        assertEquals(1, endpoints.size(), what + " is scraped on port " + port + " by one PodMonitor");
        assertTrue(ofKind(PRODUCTION, "NetworkPolicy").stream()
                .filter(policy -> selects(policy.at("/spec/podSelector"), pod))
                .flatMap(policy -> list(policy.at("/spec/ingress")).stream())
                .anyMatch(rule -> list(rule.path("ports")).stream().anyMatch(p -> p.path("port").asText().equals(port))
                        && list(rule.path("from")).stream().anyMatch(from ->
                        from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText().equals("monitoring"))),
                what + ": a NetworkPolicy admits the namespace monitoring on port " + port);
        return endpoints;
    }

    @Test
    void everyServiceIsScrapedAtItsMetricsPath() {
        for (ObjectNode deployment : ofKind(PRODUCTION, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode template = deployment.at("/spec/template");
            String port = template.at("/spec/containers/0/ports/0/name").asText();
            assertEquals("http", port, name);
            JsonNode endpoint = scraping(labels(template.at("/metadata/labels")), port, name).get(0);
            assertEquals(template.at("/metadata/annotations/prometheus.io~1path").asText(), endpoint.path("path").asText(), name);
            assertEquals("/q/metrics", endpoint.path("path").asText(), name);
        }
        assertEquals(new TreeSet<>(OverlayTest.SERVICES), ofKind(PRODUCTION, "Deployment").stream()
                .map(d -> d.at("/metadata/name").asText()).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Strimzi labels the brokers' and Kafka Exporter's pods with the cluster and the kind of their custom resource. */
    @Test
    void theKafkaBrokersAndKafkaExporterServeMetricsAndAreScraped() {
        ObjectNode kafka = ofKind(PRODUCTION, "Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        assertFalse(kafka.at("/spec/kafka/metricsConfig/type").asText().isEmpty(), "the brokers serve metrics");
        assertEquals(".*", kafka.at("/spec/kafkaExporter/groupRegex").asText(), "Kafka Exporter watches every group");
        assertEquals(".*", kafka.at("/spec/kafkaExporter/topicRegex").asText(), "and every topic");
        for (String component : List.of("kafka", "kafka-exporter")) {
            Map<String, String> pod = Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-" + component, "strimzi.io/component-type", component);
            assertEquals("/metrics", scraping(pod, "tcp-prometheus", component).get(0).path("path").asText(), component);
        }
    }

    /** CloudNativePG labels each instance's pod with its cluster and the role instance. */
    @Test
    void everyPostgresqlInstanceIsScraped() {
        List<ObjectNode> clusters = ofKind(PRODUCTION, "Cluster");
        assertEquals(3, clusters.size());
        for (ObjectNode cluster : clusters) {
            String name = cluster.at("/metadata/name").asText();
            scraping(Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance", "cnpg.io/instanceName", name + "-1"),
                    "metrics", name);
        }
    }

    @Test
    void everyAlertIsLabelledExplainedAndNamesAMetric() {
        List<ObjectNode> rules = ofKind(PRODUCTION, "PrometheusRule");
        assertEquals(1, rules.size());
        Set<String> alerts = new HashSet<>();
        for (JsonNode rule : rules.get(0).at("/spec/groups").findValues("rules").stream().flatMap(r -> list(r).stream()).toList()) {
            String alert = rule.path("alert").asText();
            assertTrue(alerts.add(alert), "one rule per alert: " + alert);
            assertTrue(Set.of("critical", "warning").contains(rule.at("/labels/severity").asText()), alert + " severity");
            for (String annotation : List.of("summary", "description")) {
                assertFalse(rule.at("/annotations/" + annotation).asText().isBlank(), alert + " " + annotation);
            }
            assertEquals("docs/operations.md#when-a-report-is-stale", rule.at("/annotations/runbook_url").asText(), alert);
            String expression = rule.path("expr").asText();
            assertFalse(AlertMetrics.metricNames(expression).isEmpty(), alert + " names a metric: " + expression);
            assertTrue(expression.contains("app_kubernetes_io_part_of=\"styrning\""), alert + " reads only Styrning's series");
        }
        assertEquals(new TreeSet<>(ALERTS), new TreeSet<>(alerts));
    }

    @Test
    void theDashboardIsValidJsonWithThePanelsOperatorsNeed() throws Exception {
        List<ObjectNode> dashboards = ofKind(PRODUCTION, "ConfigMap").stream()
                .filter(c -> c.at("/metadata/labels/grafana_dashboard").asText().equals("1")).toList();
        assertEquals(1, dashboards.size(), "one ConfigMap Grafana's sidecar loads");
        JsonNode data = dashboards.get(0).path("data");
        assertEquals(1, data.size());
        JsonNode dashboard = Models.JSON.readTree(data.elements().next().asText());
        assertFalse(dashboard.path("uid").asText().isEmpty(), "a fixed uid, so links to it last");
        JsonNode datasource = list(dashboard.at("/templating/list")).stream()
                .filter(v -> v.path("name").asText().equals("datasource")).findFirst()
                .orElseThrow(() -> new AssertionError("no datasource variable"));
        assertEquals("datasource", datasource.path("type").asText());
        assertEquals("prometheus", datasource.path("query").asText());
        Set<String> metrics = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertEquals("${datasource}", panel.at("/datasource/uid").asText(), title);
            assertFalse(panel.path("targets").isEmpty(), title);
            for (JsonNode target : panel.path("targets")) {
                Set<String> named = AlertMetrics.metricNames(target.path("expr").asText());
                assertFalse(named.isEmpty(), title + " queries a metric");
                metrics.addAll(named);
            }
        }
        Set<String> missing = new TreeSet<>(DASHBOARD_METRICS);
        missing.removeAll(metrics);
        assertEquals(Set.of(), missing, "metrics without a panel");
    }

    @Test
    void devLeavesMonitoringOut() {
        List<ObjectNode> dev = Kustomize.build(OverlayTest.K8S.resolve("overlays/dev"));
        for (String kind : List.of("PodMonitor", "PrometheusRule")) {
            assertEquals(List.of(), ofKind(dev, kind), kind);
        }
        assertTrue(ofKind(dev, "ConfigMap").stream().noneMatch(c -> c.at("/metadata/labels").has("grafana_dashboard")));
        JsonNode kafka = ofKind(dev, "Kafka").get(0).path("spec");
        assertTrue(kafka.path("kafkaExporter").isMissingNode() && kafka.at("/kafka/metricsConfig").isMissingNode());
    }

    @Test
    void aMisspeltMonitoringFieldDoesNotFitItsModel() {
        ObjectNode monitor = Kustomize.documents("""
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabel:
                      app: x
                  podMetricEndpoints:
                  - port: http
                """).get(0);
        assertEquals(3, Models.misfits(monitor).size(), Models.misfits(monitor).toString());
        ObjectNode rule = Kustomize.documents("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: typo
                spec:
                  groups:
                  - name: g
                    rules:
                    - alert: A
                      expr: up == 0
                      for: 5 minutes
                      label: {}
                """).get(0);
        assertEquals(2, Models.misfits(rule).size(), Models.misfits(rule).toString());
    }
}
