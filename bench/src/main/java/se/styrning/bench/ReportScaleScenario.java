package se.styrning.bench;

import se.styrning.local.LocalStack;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Scenario 3: one region's plan with 1k, 10k, 50k and 100k activities (100k is beyond followup-service's default
 * limit, and is refused), each with twelve months of status history, and a cost object tree with twelve months of
 * outcomes: the time to build a period report (JSON, HTML) and the outcome tree, against hand-written SQL for the
 * same aggregation on the same database. The datasets are written straight into followup-service's read model and
 * budget-service's tables with generate_series, as the events would leave them: loading 1.2 million status
 * changes through the API would take hours and measure the API.
 */
final class ReportScaleScenario {

    private static final String STATUSES = "array['ONGOING','PARTLY_ON_PLAN','OFF_PLAN','DONE','NOT_STARTED','PAUSED']";

    private final Settings settings;
    private final LocalStack stack;
    private final Http gateway;
    private final Results results;

    ReportScaleScenario(Settings settings, LocalStack stack, Http gateway, Results results) {
        this.settings = settings;
        this.stack = stack;
        this.gateway = gateway;
        this.results = results;
    }

    void run() {
        List<List<Object>> table = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<Double> sizes = new ArrayList<>();
        for (int activities : settings.reportSizes()) {
            Dataset dataset = generate(activities);
            HttpResponse<String> first = gateway.get("/api/reports/" + dataset.plan + "/2017-11");
            if (first.statusCode() != 200) {
                // recorded, not thrown: the sizes before it still make the table
                results.record("report-scale", "activities", activities, "status_rows", activities * 12L,
                        "failed", first.statusCode() + " " + first.body());
                table.add(List.of(activities, dataset.costObjects, "failed: " + first.statusCode(), "-", "-", "-", "-"));
                continue;
            }
            double json;
            double html;
            double tree;
            double sql;
            try {
                json = median(() -> gateway.get("/api/reports/" + dataset.plan + "/2017-11"));
                html = median(() -> gateway.get("/api/reports/" + dataset.plan + "/2017-11", "text/html"));
                tree = median(() -> gateway.get("/api/outcomes?month=2017-11&root=" + dataset.rootCostObject));
                sql = medianSql(dataset.plan);
            } catch (IllegalStateException failed) {
                results.record("report-scale", "activities", activities, "status_rows", activities * 12L,
                        "failed", failed.getMessage());
                table.add(List.of(activities, dataset.costObjects, "failed", "-", "-", "-", "-"));
                continue;
            }
            results.record("report-scale", "activities", activities, "status_rows", activities * 12L,
                    "cost_objects", dataset.costObjects, "report_json_ms", json, "report_html_ms", html,
                    "outcome_tree_ms", tree, "reference_sql_ms", sql);
            table.add(List.of(activities, dataset.costObjects, json, html, tree, sql, json / sql));
            sizes.add((double) activities);
            series.computeIfAbsent("report JSON", k -> new ArrayList<>()).add(json);
            series.computeIfAbsent("report HTML", k -> new ArrayList<>()).add(html);
            series.computeIfAbsent("outcome tree", k -> new ArrayList<>()).add(tree);
            series.computeIfAbsent("hand-written SQL", k -> new ArrayList<>()).add(sql);
        }
        Results.table("Report at scale: median of " + settings.repetitions() + " (ms)", List.of("activities",
                "cost objects", "report JSON", "report HTML", "outcome tree", "SQL reference", "JSON / SQL"), table);
        results.plot("report-scale.svg", Svg.lines("Time to build, by the plan's size", "activities (log scale)", "ms",
                sizes, series));
    }

    private record Dataset(UUID plan, UUID rootCostObject, int costObjects) {
    }

    /** A unit, a plan with 10 focus areas, assignments of 10 activities, 12 status reports each; cost objects 1 per 10 activities. */
    private Dataset generate(int activities) {
        UUID unit = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        int costObjects = Math.max(10, activities / 10);
        try (Connection followup = stack.database("followup").connect("followup");
             Connection budget = stack.database("budget").connect("budget");
             Statement f = followup.createStatement();
             Statement b = budget.createStatement()) {
            String u = "'" + unit + "'";
            String p = "'" + plan + "'";
            f.execute("insert into reporting_unit values (" + u + ", 'S-" + activities + "-" + unit.toString().substring(0, 4)
                    + "', 'Region (bench " + activities + ")', 'REGION', null, 1, now())");
            f.execute("insert into reporting_plan values (" + p + ", " + u + ", 2017, 'Bench " + activities + "', 'ADOPTED', 1, now())");
            f.execute("insert into reporting_focus_area select md5(" + p + " || 'fa' || i)::uuid, " + p
                    + ", chr(64 + i), 'Fokusområde ' || i, i, 1, now() from generate_series(1, 10) i");
            f.execute("insert into reporting_assignment select md5(" + p + " || 'as' || i)::uuid, " + p + ", md5(" + p
                    + " || 'fa' || (1 + i % 10))::uuid, chr(65 + i % 10) || '.' || i, 'Uppdrag ' || i, 'ADMINISTRATION', null, i, 1, now()"
                    + " from generate_series(0, " + (activities / 10 - 1) + ") i");
            f.execute("insert into reporting_activity select md5(" + p + " || 'ac' || i)::uuid, " + p + ", md5(" + p
                    + " || 'as' || (i / 10))::uuid, null, 'Aktivitet ' || i, null, date '2017-12-31', false, i, 1, now()"
                    + " from generate_series(0, " + (activities - 1) + ") i");
            f.execute("insert into activity_status_report select md5(" + p + " || 'ev' || i || '-' || m), md5(" + p
                    + " || 'ac' || i)::uuid, " + p + ", 'NOT_STARTED', (" + STATUSES + ")[1 + (i + m) % 6], "
                    + "case when (i + m) % 5 = 0 then null else 'Kommentar ' || m end, (i + m) % 5 = 0, "
                    + "make_date(2017, m, 15), 'bench', now() from generate_series(0, " + (activities - 1) + ") i, generate_series(1, 12) m");
            String r = "'" + root + "'";
            b.execute("insert into cost_object values (" + r + ", 'SR-" + root.toString().substring(0, 8) + "', 'Resultaträkning', "
                    + u + ", null, 0, 1, now(), now())");
            b.execute("insert into cost_object select md5(" + r + " || i)::uuid, 'S-" + root.toString().substring(0, 8)
                    + "-' || i, 'Kostnadsställe ' || i, " + u + ", " + r + ", i, 1, now(), now() from generate_series(1, "
                    + costObjects + ") i");
            b.execute("insert into outcome select gen_random_uuid(), md5(" + r + " || i)::uuid, make_date(2017, m, 1), "
                    + "-(i * 1000 * m + 0.25), -(i * 1000 * m), -(i * 12000), -(i * 12000 + m + 0.75), null, false, 1, 'bench', now()"
                    + " from generate_series(1, " + costObjects + ") i, generate_series(1, 12) m");
            // the same cost objects and outcomes in followup's read model, for the report's economy section
            f.execute("insert into reporting_cost_object values (" + r + ", 'SR-" + root.toString().substring(0, 8)
                    + "', 'Resultaträkning', " + u + ", null, 0, 1, now())");
            f.execute("insert into reporting_cost_object select md5(" + r + " || i)::uuid, 'S-" + root.toString().substring(0, 8)
                    + "-' || i, 'Kostnadsställe ' || i, " + u + ", " + r + ", i, 1, now() from generate_series(1, " + costObjects + ") i");
            f.execute("insert into reporting_outcome select gen_random_uuid(), md5(" + r + " || i)::uuid, make_date(2017, m, 1), "
                    + "-(i * 1000 * m + 0.25), -(i * 1000 * m), -(i * 12000), -(i * 12000 + m + 0.75), null, null, false, 1, now()"
                    + " from generate_series(1, " + costObjects + ") i, generate_series(1, 12) m");
            f.execute("analyze");
            b.execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate the " + activities + "-activity dataset", e);
        }
        return new Dataset(plan, root, costObjects);
    }

    /** Milliseconds, the median of the repetitions after one warm-up call; fails unless the call answers 200. */
    private double median(Supplier<HttpResponse<String>> call) {
        check(call.get());
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < settings.repetitions(); i++) {
            long started = System.nanoTime();
            check(call.get());
            times.add((System.nanoTime() - started) / 1e6);
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * The report's core in one query: each activity's status in effect at the period's end, counted by status, and
     * the exception lines (OFF_PLAN and PARTLY_ON_PLAN) with their comments.
     */
    private double medianSql(UUID plan) {
        String sql = """
                with latest as (
                  select distinct on (r.activity_id) r.activity_id, r.status, r.comment
                  from activity_status_report r
                  where r.plan_id = ? and r.effective_date <= date '2017-11-30'
                  order by r.activity_id, r.effective_date desc, r.changed_at desc)
                select a.id, a.title, s.title, coalesce(l.status, 'NOT_STARTED'), l.comment
                from reporting_activity a
                join reporting_assignment s on s.id = a.assignment_id
                left join latest l on l.activity_id = a.id
                where a.plan_id = ? and not a.cancelled
                order by s.position, a.position""";
        try (Connection db = stack.database("followup").connect("followup");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, plan);
            query.setObject(2, plan);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i <= settings.repetitions(); i++) {
                long started = System.nanoTime();
                Map<String, Integer> byStatus = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byStatus.merge(rows.getString(4), 1, Integer::sum);
                    }
                }
                if (i > 0) {
                    times.add((System.nanoTime() - started) / 1e6);
                }
            }
            return times.stream().sorted().toList().get(times.size() / 2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
