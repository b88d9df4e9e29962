package se.styrning.bench;

import se.styrning.local.LocalStack;
import se.styrning.local.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase: each service, PostgreSQL (all its processes), Kafka, the bench
 * itself (the load generator) and the rest (the kernel and anything else), from /proc. Divided by the work done
 * it gives each part's CPU cost per unit, which says what a part would sustain on cores of its own.
 */
final class CpuShares {

    static final String ALL = "all";
    static final String REST = "rest (kernel, other)";

    private final LocalStack stack;
    private final Map<String, Double> before;

    private CpuShares(LocalStack stack) {
        this.stack = stack;
        this.before = read(stack);
    }

    static CpuShares start(LocalStack stack) {
        return new CpuShares(stack);
    }

    /** Milliseconds of CPU per unit of work since {@link #start}, by part, in a stable order; {@link #ALL}, then
     * {@link #REST}, last. */
    Map<String, Double> perUnit(long units) {
        Map<String, Double> after = read(stack);
        Map<String, Double> perUnit = new LinkedHashMap<>();
        after.forEach((part, millis) -> perUnit.put(part, (millis - before.get(part)) / units));
        return perUnit;
    }

    private static Map<String, Double> read(LocalStack stack) {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (Service service : stack.services()) {
            millis.put(service.name(), CpuTime.millis(service.pid()));
        }
        millis.put("PostgreSQL", postgres());
        millis.put("Kafka", CpuTime.millis(stack.kafka().pid()));
        millis.put("load generator (bench)", CpuTime.own(ProcessHandle.current().pid()));
        double parts = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        millis.put(ALL, machineMillis());
        millis.put(REST, millis.get(ALL) - parts);
        return millis;
    }

    /** The server and each of its backends and workers, started by it from the same binary. */
    private static double postgres() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().filter(command -> command.endsWith("/bin/postgres")).isPresent())
                .mapToDouble(process -> CpuTime.own(process.pid()))
                .sum();
    }

    /** The whole machine's busy time, from the first line of /proc/stat (in USER_HZ ticks of 10 ms). */
    private static double machineMillis() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[]{1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(fields[field]);
            }
            return busy * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
