package se.styrning.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import se.styrning.local.LocalStack;
import se.styrning.local.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 2: status changes end to end (REST accepted → outbox → Kafka → followup-service's read model), and the
 * time from the 200 to the change showing in the period report; against Kafka's own producer and consumer
 * throughput on the same broker with records of the same size.
 */
final class PipelineScenario {

    /** Status reports per bulk call. */
    static final int BULK_ITEMS = 500;
    static final int BULK_CLIENTS = 4;

    private final Settings settings;
    private final LocalStack stack;
    private final Http gateway;
    private final Results results;
    private final Profiles profiles;

    PipelineScenario(Settings settings, LocalStack stack, Http gateway, Results results, Profiles profiles) {
        this.settings = settings;
        this.stack = stack;
        this.gateway = gateway;
        this.results = results;
        this.profiles = profiles;
    }

    void run() throws Exception {
        Fixture load = new Fixture(gateway, settings.pipelineActivities(), 0);
        Fixture probe = new Fixture(gateway, 1, 0);
        awaitRows(load.plan, load.activities.size(), Duration.ofMinutes(5));
        awaitRows(probe.plan, 1, Duration.ofMinutes(1));
        long rowsBefore = rows(load.plan);
        int changes = settings.pipelineChanges();

        AtomicBoolean loading = new AtomicBoolean(true);
        Latencies visible = new Latencies();
        ExecutorService probeThread = Executors.newSingleThreadExecutor();
        Future<?> probing = probeThread.submit(() -> probe(probe, loading, visible));

        CpuShares cpu = CpuShares.start(stack);
        long started = System.nanoTime();
        Profiles.Recording recording = profiles.start(stack, "single");
        int errors = changeAtFullSpeed(load, 0, changes);
        double acceptedSeconds = (System.nanoTime() - started) / 1e9;
        awaitRows(load.plan, rowsBefore + changes - errors, Duration.ofMinutes(10));
        double endToEndSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuPerChange = cpu.perUnit(changes);
        recording.close();
        loading.set(false);
        probing.get();
        probeThread.shutdown();

        double accepted = changes / acceptedSeconds;
        double endToEnd = changes / endToEndSeconds;
        results.record("pipeline", "changes", changes, "errors", errors, "accepted_per_s", accepted,
                "end_to_end_per_s", endToEnd, "visible_samples", visible.count(),
                "visible_p50_ms", visible.percentileMillis(0.5), "visible_p99_ms", visible.percentileMillis(0.99));

        cpuTable("pipeline-cpu", "saturating phase, single REST changes", cpuPerChange);

        double rate = Math.max(10, Math.floor(endToEnd / 2));
        Latencies paced = paced(load, probe, rate, changes);
        results.record("pipeline-paced", "rate_per_s", rate, "seconds", settings.pacedLoad().toSeconds(),
                "visible_samples", paced.count(), "visible_p50_ms", paced.percentileMillis(0.5),
                "visible_p99_ms", paced.percentileMillis(0.99));

        // nothing before has run the bulk path (scenario 1 warms the single one): a first pass, on a plan of its own,
        // compiles it, and the second is measured (in a cold profile the JIT was 40 % of plan-service's CPU)
        int bulkActivities = Math.min(BULK_CLIENTS * BULK_ITEMS, changes);
        Fixture bulkWarmUp = new Fixture(gateway, bulkActivities, 0);
        Fixture bulkLoad = new Fixture(gateway, bulkActivities, 0);
        awaitRows(bulkLoad.plan, bulkLoad.activities.size(), Duration.ofMinutes(5));
        awaitRows(bulkWarmUp.plan, bulkWarmUp.activities.size(), Duration.ofMinutes(5));
        Throughput coldBulk = bulk(bulkWarmUp, changes, 3 * changes, "bulk-first-pass");
        Throughput bulk = bulk(bulkLoad, changes, 3 * changes, "bulk");
        results.record("pipeline-bulk", "changes", changes, "per_call", BULK_ITEMS, "accepted_per_s", bulk.first(),
                "end_to_end_per_s", bulk.second(), "first_pass_accepted_per_s", coldBulk.first(),
                "first_pass_end_to_end_per_s", coldBulk.second());
        cpuTable("pipeline-bulk-cpu", "bulk phase, accepted to read model", bulk.cpuPerChange());

        Throughput catchUp = catchUp(load, changes / 2, 2 * changes);
        results.record("pipeline-catch-up", "changes", changes / 2, "applied_per_s", catchUp.first(),
                "second_half_per_s", catchUp.second());
        if (!catchUp.cpuPerChange().isEmpty()) {
            cpuTable("pipeline-catch-up-cpu", "followup catching up, per event applied", catchUp.cpuPerChange());
        }

        int size = averageEventSize(load.plan);
        double[] kafka = kafkaReference(settings.referenceRecords(), size);
        results.record("pipeline-reference", "records", settings.referenceRecords(), "record_bytes", size,
                "produce_per_s", kafka[0], "consume_per_s", kafka[1]);
        Results.table("Event pipeline: status changes end to end against plain Kafka", List.of("what", "per second",
                "p50 ms", "p99 ms"), List.of(
                List.of("status changes accepted (REST, 64 clients)", accepted, Double.NaN, Double.NaN),
                List.of("status changes in followup's read model", endToEnd, Double.NaN, Double.NaN),
                List.of("status changes accepted in bulk (" + BULK_ITEMS + " a call, " + BULK_CLIENTS + " clients, each its own activities)", bulk.first(), Double.NaN, Double.NaN),
                List.of("bulk status changes in followup's read model", bulk.second(), Double.NaN, Double.NaN),
                List.of("… the first pass, with the bulk path not yet compiled", coldBulk.second(), Double.NaN, Double.NaN),
                List.of("followup catching up on " + changes / 2 + " waiting changes", catchUp.first(), Double.NaN, Double.NaN),
                List.of("… its second half, once its JIT has compiled the path", catchUp.second(), Double.NaN, Double.NaN),
                List.of("200 → visible in the report, under the full load (probe)", Double.NaN,
                        visible.percentileMillis(0.5), visible.percentileMillis(0.99)),
                List.of("200 → visible in the report, at " + (long) rate + "/s (probe)", Double.NaN,
                        paced.percentileMillis(0.5), paced.percentileMillis(0.99)),
                List.of("Kafka producer, " + size + " B records", kafka[0], Double.NaN, Double.NaN),
                List.of("Kafka consumer, " + size + " B records", kafka[1], Double.NaN, Double.NaN)));
        results.plot("pipeline-throughput.svg", Svg.bars("Events per second: Styrning's pipeline and plain Kafka",
                "per second", List.of("accepted", "in read model", "bulk accepted", "bulk in read model", "catching up",
                        "Kafka produce", "Kafka consume"),
                Map.of("events/s", List.of(accepted, endToEnd, bulk.first(), bulk.second(), catchUp.first(), kafka[0], kafka[1]))));
    }

    /** The CPU each part of the stack spent per status change in a phase, and the rate that part alone could sustain on one core of its own. */
    private void cpuTable(String name, String phase, Map<String, Double> perChange) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Object> recorded = new ArrayList<>();
        List<List<Object>> lines = new ArrayList<>();
        perChange.forEach((part, millis) -> {
            recorded.add(part.replaceAll("[^A-Za-z]+", "_").replaceAll("_$", "").toLowerCase() + "_cpu_ms");
            recorded.add(millis);
            boolean whole = part.equals(CpuShares.ALL);
            lines.add(List.of(whole ? "the whole machine (" + cores + " cores)" : part, millis,
                    millis > 0 ? (whole ? cores : 1) * 1_000 / millis : Double.NaN));
        });
        results.record(name, recorded.toArray());
        Results.table("CPU per status change, by process (" + phase + ")", List.of("part", "CPU ms per change",
                "changes/s it alone would allow"), lines);
    }

    /**
     * {@code count} status changes in bulk calls of up to {@link #BULK_ITEMS} from {@link #BULK_CLIENTS} clients, as
     * systems that sync send them: each client reports on activities of its own, so one client's call never waits
     * for another's row locks. Answers accepted per second, and per second until the last is in followup's read model.
     */
    private Throughput bulk(Fixture load, int count, int firstVariant, String phase) throws InterruptedException {
        long rowsBefore = rows(load.plan);
        CpuShares cpu = CpuShares.start(stack);
        Profiles.Recording recording = profiles.start(stack, phase);
        int own = load.activities.size() / BULK_CLIENTS;
        int perClient = count / BULK_CLIENTS;
        AtomicInteger made = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(BULK_CLIENTS);
        long started = System.nanoTime();
        for (int client = 0; client < BULK_CLIENTS; client++) {
            int first = client * own;
            clients.submit(() -> {
                for (int done = 0, call = 0; done < perClient; call++) {
                    int items = Math.min(Math.min(BULK_ITEMS, own), perClient - done);
                    if (load.changeStatuses(gateway, first + done % own, items, 1 + call % 12, firstVariant + first + done) == 200) {
                        made.addAndGet(items);
                    }
                    done += items;
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        double acceptedSeconds = (System.nanoTime() - started) / 1e9;
        if (made.get() != BULK_CLIENTS * perClient) {
            throw new IllegalStateException((BULK_CLIENTS * perClient - made.get()) + " bulk status changes were refused");
        }
        awaitRows(load.plan, rowsBefore + made.get(), Duration.ofMinutes(10));
        double endToEndSeconds = (System.nanoTime() - started) / 1e9;
        recording.close();
        return new Throughput(made.get() / acceptedSeconds, made.get() / endToEndSeconds, cpu.perUnit(made.get()));
    }

    /** 64 clients make {@code count} status changes as fast as they are accepted; answers how many failed. */
    private int changeAtFullSpeed(Fixture load, int firstVariant, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(firstVariant);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        for (int client = 0; client < 64; client++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < firstVariant + count; i = next.getAndIncrement()) {
                    int status = load.changeStatus(gateway, i % load.activities.size(), 1 + (i / load.activities.size()) % 12, i);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        return errors.get();
    }

    /**
     * The consumer alone: followup-service is stopped while {@code count} changes are made and published, then
     * started. Events applied per second from its first new row to its last, with nothing else running, as after
     * an outage or during a replay. Events applied per second over the whole catch-up and over its second half, and
     * the CPU per event applied.
     */
    private Throughput catchUp(Fixture load, int count, int firstVariant) throws InterruptedException {
        Service followup = stack.service("followup-service");
        followup.stop();
        long rowsBefore = rows(load.plan);
        int errors = changeAtFullSpeed(load, firstVariant, count);
        if (errors > 0) {
            System.err.println(errors + " of the catch-up phase's " + count + " status changes were refused");
        }
        long expected = rowsBefore + count - errors;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (unpublished() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("plan-service's outbox still holds " + unpublished() + " events");
            }
            sleep(100);
        }
        followup.start();
        awaitRows(load.plan, rowsBefore + 1, Duration.ofMinutes(2), 20);
        CpuShares cpu = CpuShares.start(stack);
        Profiles.Recording recording = profiles.start(stack, "catch-up");
        long first = System.nanoTime();
        long firstRows = rows(load.plan);
        long halfRows = firstRows + (expected - firstRows) / 2;
        awaitRows(load.plan, halfRows, Duration.ofMinutes(10), 20);
        long half = System.nanoTime();
        awaitRows(load.plan, expected, Duration.ofMinutes(10), 20);
        long last = System.nanoTime();
        Map<String, Double> cpuPerEvent = firstRows >= expected ? Map.of() : cpu.perUnit(expected - firstRows);
        recording.close();
        followup.awaitHealthy(Duration.ofMinutes(1));
        // a smoke run's few changes arrive in one poll, and there is nothing to time
        if (firstRows >= expected || half == last) {
            return new Throughput(Double.NaN, Double.NaN, Map.of());
        }
        // the JVM was just started: its first half runs partly on code the JIT has not compiled yet
        return new Throughput((expected - firstRows) / ((last - first) / 1e9), (expected - halfRows) / ((last - half) / 1e9),
                cpuPerEvent);
    }

    private long unpublished() {
        try (Connection db = stack.database("plan").connect("plan");
             PreparedStatement query = db.prepareStatement("select count(*) from outbox_event where published_at is null");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Half the end-to-end rate, spread evenly over 16 clients, for {@code settings.pacedLoad()}: a load the pipeline
     * keeps up with, under which the probe times what a user sees. Under the full load the consumer lags, and the
     * probe measures the backlog instead.
     */
    private Latencies paced(Fixture load, Fixture probe, double rate, int firstVariant) {
        long rowsBefore = rows(load.plan);
        AtomicBoolean loading = new AtomicBoolean(true);
        Latencies visible = new Latencies();
        ExecutorService probeThread = Executors.newSingleThreadExecutor();
        Future<?> probing = probeThread.submit(() -> probe(probe, loading, visible));
        int clients = 16;
        long interval = (long) (clients * 1e9 / rate);
        long start = System.nanoTime();
        long end = start + settings.pacedLoad().toNanos();
        AtomicInteger next = new AtomicInteger(firstVariant);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            long first = start + client * interval / clients;
            pool.submit(() -> {
                for (long at = first; at < end; at += interval) {
                    sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
                    int i = next.getAndIncrement();
                    if (load.changeStatus(gateway, i % load.activities.size(), 1 + (i / load.activities.size()) % 12, i) == 200) {
                        accepted.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(settings.pacedLoad().toSeconds() + 120, TimeUnit.SECONDS);
            awaitRows(load.plan, rowsBefore + accepted.get(), Duration.ofMinutes(5));
            loading.set(false);
            probing.get();
        } catch (Exception e) {
            throw new IllegalStateException("the paced load failed", e);
        } finally {
            probeThread.shutdown();
        }
        return visible;
    }

    /** One change at a time on its own plan, timing the 200 to the change showing in the report. */
    private void probe(Fixture probe, AtomicBoolean loading, Latencies visible) {
        int variant = 0;
        while (loading.get()) {
            variant++;
            if (probe.changeStatus(gateway, 0, 11, variant) != 200) {
                continue;
            }
            long accepted = System.nanoTime();
            String expected = "\"comment\":\"v" + variant + "\"";
            while (loading.get() && !gateway.get("/api/reports/" + probe.plan + "/2017-11").body().contains(expected)) {
                sleep(5);
            }
            if (loading.get()) {
                visible.add((System.nanoTime() - accepted) / 1_000);
            }
        }
    }

    private void awaitRows(String plan, long rows, Duration timeout) {
        awaitRows(plan, rows, timeout, 100);
    }

    private void awaitRows(String plan, long rows, Duration timeout, long pollMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rows(plan) < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("followup-service has " + rows(plan) + " of " + rows + " status changes");
            }
            sleep(pollMillis);
        }
    }

    private long rows(String plan) {
        try (Connection db = stack.database("followup").connect("followup");
             PreparedStatement query = db.prepareStatement("select count(*) from activity_status_report where plan_id = ?")) {
            query.setObject(1, UUID.fromString(plan));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size of the status-changed events as published, read back from plan-service's outbox. */
    private int averageEventSize(String plan) {
        try (Connection db = stack.database("plan").connect("plan");
             PreparedStatement query = db.prepareStatement("select avg(octet_length(cast(payload as text))) from outbox_event "
                     + "where type like '%activity-status-changed%'")) {
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Math.max(100, (int) row.getDouble(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain-client produce (acks=all, as the outbox relay) and consume of {@code records} records of {@code size} bytes. */
    private double[] kafkaReference(int records, int size) throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        String topic = "bench.reference." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        byte[] value = new byte[size];
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, ("k" + i % 1000).getBytes(), value)));
            }
            for (Future<?> ack : sent) {
                ack.get();
            }
        }
        double produced = records / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        int read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", topic, "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (read < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                }
            }
        }
        double consumed = read / ((System.nanoTime() - started) / 1e9);
        return new double[]{produced, consumed};
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A phase's two rates (bulk: accepted, into the read model; catch-up: all events, their second half) and its CPU per change. */
    private record Throughput(double first, double second, Map<String, Double> cpuPerChange) {
    }
}
