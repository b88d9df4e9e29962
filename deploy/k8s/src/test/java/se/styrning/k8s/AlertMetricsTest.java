package se.styrning.k8s;

import org.junit.jupiter.api.Test;
import se.styrning.testsupport.AlertMetrics;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AlertMetrics finds the metric names in PromQL, and nothing else. */
class AlertMetricsTest {

    @Test
    void aBareMetricIsItsName() {
        assertEquals(Set.of("up"), AlertMetrics.metricNames("up"));
        assertEquals(Set.of("job:requests:rate5m"), AlertMetrics.metricNames("job:requests:rate5m > 0"));
    }

    @Test
    void labelMatchersStringsAndDurationsAreNotMetrics() {
        assertEquals(Set.of("styrning_inbox_retries_total"), AlertMetrics.metricNames(
                "increase(styrning_inbox_retries_total{cause=\"database\", pod=~\"plan-.*|x{2}\"}[5m]) > 0"));
        assertEquals(Set.of("http_server_requests_seconds_count"), AlertMetrics.metricNames(
                "rate(http_server_requests_seconds_count{status=~'5..', uri!=\"/q/health\"}[5m:30s] offset 1h30m)"));
    }

    @Test
    void aggregationsAndTheirLabelListsAreNotMetrics() {
        assertEquals(Set.of("styrning_inbox_apply_seconds_bucket"), AlertMetrics.metricNames(
                "histogram_quantile(0.95, sum by (le, topic) (rate(styrning_inbox_apply_seconds_bucket[5m])))"));
        assertEquals(Set.of("styrning_outbox_backlog"), AlertMetrics.metricNames(
                "max(styrning_outbox_backlog) without (instance, pod)"));
        assertEquals(Set.of("a", "b"), AlertMetrics.metricNames("topk(3, a) * on (job) group_left (team) b"));
        assertEquals(Set.of("a", "b"), AlertMetrics.metricNames("a * ignoring(code) group_right b"));
    }

    @Test
    void bothSidesOfASetOperatorAreMetrics() {
        assertEquals(Set.of("kafka_consumer_fetch_manager_records_lag", "other"), AlertMetrics.metricNames("""
                sum by (namespace, pod, topic) (kafka_consumer_fetch_manager_records_lag) > 100
                and
                sum by (namespace, pod, topic) (deriv(kafka_consumer_fetch_manager_records_lag[10m])) > 0
                or other unless on(pod) vector(1) == bool 1
                """));
    }

    @Test
    void numbersCommentsAndKeywordsAreNotMetrics() {
        assertEquals(Set.of("x"), AlertMetrics.metricNames("x > 1e-3 # a comment naming y\n and x < Inf or x != NaN or x > 0x1F"));
        assertEquals(Set.of(), AlertMetrics.metricNames("vector(1) + time() @ start()"));
    }

    @Test
    void aNameMatcherNamesItsMetricAndGrafanaVariablesAreSkipped() {
        assertEquals(Set.of("cnpg_collector_up"), AlertMetrics.metricNames("{__name__=\"cnpg_collector_up\", pod!=\"x\"} == 0"));
        assertEquals(Set.of("styrning_outbox_backlog"), AlertMetrics.metricNames(
                "max by (job) (styrning_outbox_backlog{namespace=\"$namespace\"}) * $scale + ${offset:raw}"));
        assertEquals(Set.of("c"), AlertMetrics.metricNames("rate(c[$__rate_interval])"));
    }

    @Test
    void theOperatorsExportersAreExternal() {
        for (String metric : Set.of("cnpg_collector_up", "kafka_consumergroup_lag", "kafka_server_replicamanager_underreplicatedpartitions",
                "kafka_controller_kafkacontroller_activecontrollercount", "strimzi_resources", "kafka_topic_partition_current_offset")) {
            assertTrue(AlertMetrics.external(metric), metric);
        }
        for (String metric : Set.of("styrning_outbox_backlog", "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_sum")) {
            assertFalse(AlertMetrics.external(metric), metric);
        }
    }

    @Test
    void everyExpressionOfTheMonitoringComponentNamesAMetric() {
        var byExpression = AlertMetrics.byExpression(ServiceSettings.ROOT);
        assertTrue(byExpression.size() >= 20, "the alerts' and the dashboard's expressions: " + byExpression.keySet());
        byExpression.forEach((expression, metrics) -> assertFalse(metrics.isEmpty(), expression));
        assertEquals(Set.of("cnpg_collector_up"), byExpression.get("cnpg_collector_up{app_kubernetes_io_part_of=\"styrning\"} == 0"));
    }
}
