package se.styrning.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
 * same aggregation on the same database. Beside the 10k plan, a region of 50 plans holding 10k activities between
 * them: its roll-up report against that plan's report. The datasets are written straight into followup-service's
 * read model and budget-service's tables with generate_series, as the events would leave them: loading 1.2 million
 * status changes through the API would take hours and measure the API.
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
        List<List<Object>> rollupTable = new ArrayList<>();
        for (int activities : settings.reportSizes()) {
            Dataset dataset = generate(1, activities);
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
            if (activities == settings.rollupActivities()) {
                rollupTable = rollup(dataset, activities);
            }
        }
        Results.table("Report at scale: median of " + settings.repetitions() + " (ms)", List.of("activities",
                "cost objects", "report JSON", "report HTML", "outcome tree", "SQL reference", "JSON / SQL"), table);
        Results.table("Roll-up of " + settings.rollupPlans() + " plans against one plan of as many activities: median of "
                + settings.repetitions() + " (ms)", List.of("report", "plans", "activities", "cost objects", "JSON", "HTML"), rollupTable);
        results.plot("report-scale.svg", Svg.lines("Time to build, by the plan's size", "activities (log scale)", "ms",
                sizes, series));
    }

    /**
     * A region of {@code rollupPlans} plans holding {@code activities} between them, made beside the plan of as many
     * activities just measured: its roll-up against that plan's report, both timed on the same database.
     */
    private List<List<Object>> rollup(Dataset reference, int activities) {
        int plans = settings.rollupPlans();
        Dataset region = generate(plans, activities);
        String planReport = "/api/reports/" + reference.plan + "/2017-11";
        String rollupReport = "/api/rollup-reports/" + region.unit + "/2017-11";
        try {
            JsonNode first = Json.read(check(gateway.get(rollupReport)).body());
            if (first.path("plans").size() != plans) {
                throw new IllegalStateException("the roll-up has " + first.path("plans").size() + " plans, not " + plans);
            }
            double reportJson = median(() -> gateway.get(planReport));
            double rollupJson = median(() -> gateway.get(rollupReport));
            double reportHtml = median(() -> gateway.get(planReport, "text/html"));
            double rollupHtml = median(() -> gateway.get(rollupReport, "text/html"));
            results.record("report-rollup", "plans", plans, "activities", activities, "cost_objects", region.costObjects,
                    "rollup_json_ms", rollupJson, "rollup_html_ms", rollupHtml, "plan_report_json_ms", reportJson,
                    "plan_report_html_ms", reportHtml, "json_ratio", rollupJson / reportJson, "html_ratio", rollupHtml / reportHtml);
            return List.of(List.of("plan report (reference)", 1, activities, reference.costObjects, reportJson, reportHtml),
                    List.of("roll-up", plans, activities, region.costObjects, rollupJson, rollupHtml),
                    List.of("roll-up / plan report", "", "", "", rollupJson / reportJson, rollupHtml / reportHtml));
        } catch (IllegalStateException failed) {
            // recorded, not thrown, as a failed size of the table above
            results.record("report-rollup", "plans", plans, "activities", activities, "failed", failed.getMessage());
            return List.of(List.of("roll-up", plans, activities, region.costObjects, "failed", "-"));
        }
    }

    private record Dataset(UUID unit, UUID plan, UUID rootCostObject, int costObjects) {
    }

    /**
     * A unit and {@code plans - 1} units below it, a plan of 2017 each (the dataset's plan is the top unit's), with
     * the activities shared out evenly; each plan has 10 focus areas, an assignment per 10 activities and 12 status
     * reports per activity. The cost objects, at least 10 per plan and one per 10 activities, hang under one root of
     * the top unit: the top unit's directly, each other unit's under an object of its own.
     */
    private Dataset generate(int plans, int activities) {
        UUID top = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        int perPlan = activities / plans;
        int leaves = Math.max(10, perPlan / 10);
        int costObjects = plans * leaves + plans - 1;
        String t = "'" + top + "'";
        String r = "'" + root + "'";
        String name = plans == 1 ? String.valueOf(activities) : plans + " × " + perPlan;
        String plansAndItems = " from generate_series(0, " + (plans - 1) + ") u, generate_series(0, %d) i";
        String unit = "(case when u = 0 then " + t + "::uuid else md5(" + t + " || 'un' || u)::uuid end)";
        String plan = "md5(" + t + " || 'pl' || u)::uuid";
        String unitObject = "(case when u = 0 then " + r + "::uuid else md5(" + r + " || 'un' || u)::uuid end)";
        String leaf = "md5(" + r + " || u || '-' || i)::uuid";
        try (Connection followup = stack.database("followup").connect("followup");
             Connection budget = stack.database("budget").connect("budget");
             Statement f = followup.createStatement();
             Statement b = budget.createStatement()) {
            f.execute("insert into reporting_unit values (" + t + ", 'S-" + top.toString().substring(0, 8) + "', 'Region (bench "
                    + name + ")', 'REGION', null, 1, now())");
            f.execute("insert into reporting_unit select md5(" + t + " || 'un' || u)::uuid, 'S-" + top.toString().substring(0, 8)
                    + "-' || u, 'Förvaltning ' || u, 'ADMINISTRATION', " + t + ", 1, now() from generate_series(1, " + (plans - 1) + ") u");
            f.execute("insert into reporting_plan select " + plan + ", " + unit + ", 2017, 'Bench " + name
                    + " ' || u, 'ADOPTED', 1, now() from generate_series(0, " + (plans - 1) + ") u");
            f.execute("insert into reporting_focus_area select md5(" + t + " || 'fa' || u || '-' || i)::uuid, " + plan
                    + ", chr(64 + i), 'Fokusområde ' || i, i, 1, now() from generate_series(0, " + (plans - 1) + ") u, generate_series(1, 10) i");
            f.execute("insert into reporting_assignment select md5(" + t + " || 'as' || u || '-' || i)::uuid, " + plan + ", md5(" + t
                    + " || 'fa' || u || '-' || (1 + i % 10))::uuid, chr(65 + i % 10) || '.' || i, 'Uppdrag ' || i, 'ADMINISTRATION', null, i, 1, now()"
                    + plansAndItems.formatted(perPlan / 10 - 1));
            f.execute("insert into reporting_activity select md5(" + t + " || 'ac' || u || '-' || i)::uuid, " + plan + ", md5(" + t
                    + " || 'as' || u || '-' || (i / 10))::uuid, null, 'Aktivitet ' || i, null, date '2017-12-31', false, i, 1, now()"
                    + plansAndItems.formatted(perPlan - 1));
            f.execute("insert into activity_status_report select md5(" + t + " || 'ev' || u || '-' || i || '-' || m), md5(" + t
                    + " || 'ac' || u || '-' || i)::uuid, " + plan + ", 'NOT_STARTED', (" + STATUSES + ")[1 + (u * " + perPlan
                    + " + i + m) % 6], case when (i + m) % 5 = 0 then null else 'Kommentar ' || m end, (i + m) % 5 = 0, "
                    + "make_date(2017, m, 15), 'bench', now()" + plansAndItems.formatted(perPlan - 1) + ", generate_series(1, 12) m");
            // budget-service's tables for the outcome tree, and the same in followup's read model for the economy section
            String code = "'S-" + root.toString().substring(0, 8);
            for (Statement db : List.of(b, f)) {
                String objects = db == b ? "cost_object" : "reporting_cost_object";
                String stamps = db == b ? "1, now(), now()" : "1, now()";
                db.execute("insert into " + objects + " values (" + r + ", 'SR-" + root.toString().substring(0, 8)
                        + "', 'Resultaträkning', " + t + ", null, 0, " + stamps + ")");
                db.execute("insert into " + objects + " select md5(" + r + " || 'un' || u)::uuid, " + code + "-' || u, "
                        + "'Förvaltning ' || u, " + unit + ", " + r + ", u, " + stamps + " from generate_series(1, " + (plans - 1) + ") u");
                db.execute("insert into " + objects + " select " + leaf + ", " + code + "-' || u || '-' || i, 'Kostnadsställe ' || i, "
                        + unit + ", " + unitObject + ", i, " + stamps + plansAndItems.formatted(leaves - 1));
                String figures = "-((i + 1) * 1000 * m + 0.25), -((i + 1) * 1000 * m), -((i + 1) * 12000), -((i + 1) * 12000 + m + 0.75)";
                db.execute("insert into " + (db == b ? "outcome" : "reporting_outcome") + " select gen_random_uuid(), " + leaf
                        + ", make_date(2017, m, 1), " + figures + ", null, " + (db == b ? "false, 1, 'bench', now()" : "null, false, 1, now()")
                        + plansAndItems.formatted(leaves - 1) + ", generate_series(1, 12) m");
            }
            f.execute("analyze");
            b.execute("analyze");
            try (ResultSet topPlan = f.executeQuery("select id from reporting_plan where unit_id = " + t)) {
                topPlan.next();
                return new Dataset(top, topPlan.getObject(1, UUID.class), root, costObjects);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate the " + name + "-activity dataset", e);
        }
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

    private static HttpResponse<String> check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
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
