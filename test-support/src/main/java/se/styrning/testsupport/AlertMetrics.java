package se.styrning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metrics the monitoring component ({@code deploy/k8s/components/monitoring}) reads: every alert's expression in
 * its PrometheusRules and every panel's query in its Grafana dashboards, each with the metric names it names. A test
 * of the whole stack checks those names against what the services serve at {@code /q/metrics}, so an alert cannot
 * watch a metric nobody emits.
 */
public final class AlertMetrics {

    static final Path COMPONENT = Path.of("deploy/k8s/components/monitoring");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Only the operators' exporters serve these: CloudNativePG's, Strimzi's brokers', Kafka Exporter, Strimzi's own. */
    private static final List<String> EXTERNAL_PREFIXES = List.of("cnpg_", "kafka_consumergroup_", "kafka_topic_",
            "kafka_server_", "kafka_controller_", "kafka_log_", "kafka_network_", "strimzi_");
    /** Aggregations may be written {@code sum by (le) (…)}, so they are not always followed by a parenthesis. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** Keywords followed by a list of label names in parentheses. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "atan2", "inf", "nan");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*([\"'`])(.*?)\\1");

    private AlertMetrics() {
    }

    /** Each expression of the component's alerts and dashboard panels, in file order, with the metric names it names. */
    public static Map<String, Set<String>> byExpression(Path projectRoot) {
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        for (String expression : expressions(projectRoot.resolve(COMPONENT))) {
            metrics.put(expression, metricNames(expression));
        }
        return metrics;
    }

    /** True for a metric Styrning's services do not serve: it comes from an operator's exporter. */
    public static boolean external(String metric) {
        return EXTERNAL_PREFIXES.stream().anyMatch(metric::startsWith);
    }

    /**
     * The metric names a PromQL expression names: its identifiers that are not functions, aggregations, keywords,
     * label names (in {@code {…}} or after {@code by}, {@code without}, {@code on}, {@code ignoring},
     * {@code group_left}, {@code group_right}), durations, numbers or string literals. A {@code __name__="…"}
     * matcher names its metric too. Grafana's variables ({@code $namespace}, {@code ${datasource}}) are skipped.
     */
    public static Set<String> metricNames(String promql) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        while (i < promql.length()) {
            char c = promql.charAt(i);
            if (c == '#') {
                i = endOfLine(promql, i);
            } else if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(promql, i);
            } else if (c == '{') {
                int end = closing(promql, i, '{', '}');
                Matcher byName = NAME_MATCHER.matcher(promql.substring(i, end));
                while (byName.find()) {
                    names.add(byName.group(2));
                }
                i = end;
            } else if (c == '[') {
                i = closing(promql, i, '[', ']');
            } else if (c == '$') {
                i = endOfVariable(promql, i);
            } else if (Character.isDigit(c) || c == '.' && i + 1 < promql.length() && Character.isDigit(promql.charAt(i + 1))) {
                i = endOfWord(promql, i);
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int end = endOfWord(promql, i);
                String word = promql.substring(i, end);
                int next = skipSpaces(promql, end);
                boolean called = next < promql.length() && promql.charAt(next) == '(';
                if (LABEL_LISTS.contains(word)) {
                    end = called ? closing(promql, next, '(', ')') : end;
                } else if (!called && !AGGREGATIONS.contains(word) && !KEYWORDS.contains(word.toLowerCase())) {
                    names.add(word);
                }
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    private static List<String> expressions(Path component) {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> files = Files.list(component)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yaml")) {
                    ruleExpressions(file, expressions);
                } else if (name.endsWith(".json")) {
                    panelExpressions(JSON.readTree(file.toFile()).path("panels"), expressions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    private static void ruleExpressions(Path file, List<String> expressions) throws IOException {
        for (JsonNode document : YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
            if (document != null && document.path("kind").asText().equals("PrometheusRule")) {
                for (JsonNode group : document.at("/spec/groups")) {
                    group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText()));
                }
            }
        }
    }

    /** Panels' queries, and those of panels inside rows. */
    private static void panelExpressions(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.get("expr").asText());
                }
            }
            panelExpressions(panel.path("panels"), expressions);
        }
    }

    private static int endOfLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end + 1;
    }

    /** Past the closing quote; backslash escapes count in "…" and '…', not in `…`. */
    private static int endOfString(String text, int from) {
        char quote = text.charAt(from);
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += quote != '`' && text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    /** Past the bracket that closes the one at {@code from}, skipping strings inside. */
    private static int closing(String text, int from, char open, char close) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(text, i);
                continue;
            }
            depth += c == open ? 1 : c == close ? -1 : 0;
            i++;
            if (depth == 0) {
                return i;
            }
        }
        return i;
    }

    /** {@code $name}, {@code ${name}} or {@code ${name:format}}. */
    private static int endOfVariable(String text, int from) {
        if (from + 1 < text.length() && text.charAt(from + 1) == '{') {
            return closing(text, from + 1, '{', '}');
        }
        return endOfWord(text, from + 1);
    }

    /** Identifiers, numbers and durations alike: {@code rate}, {@code job:up:sum}, {@code 0.95}, {@code 1h30m}, {@code 0x1f}. */
    private static int endOfWord(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_:.".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
