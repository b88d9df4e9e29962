package se.styrning.bench;

import java.time.Duration;
import java.util.List;

/** How long and how big: the full run measures, the smoke run (CI) only proves every scenario still works. */
record Settings(boolean smoke, Duration stackWarmUp, List<Integer> concurrencies, Duration warmUp, Duration measured,
                int pipelineActivities,
                int pipelineChanges, Duration pacedLoad, int referenceRecords, List<Integer> reportSizes, int rollupPlans,
                int rollupActivities, int repetitions, int startupRestarts) {

    /** The API targets warm up for 300 s: at 90 s the gateway's JIT was still compiling at one client (performance.md). */
    static Settings fullRun() {
        return new Settings(false, Duration.ofSeconds(300), List.of(1, 8, 64), Duration.ofSeconds(5), Duration.ofSeconds(15), 500, 20_000,
                Duration.ofSeconds(30), 200_000, List.of(1_000, 10_000, 50_000, 100_000), 50, 10_000, 9, 5);
    }

    /** The same run with another warm-up of the API targets before scenario 1 measures them. */
    Settings withStackWarmUp(Duration warmUp) {
        return new Settings(smoke, warmUp, concurrencies, this.warmUp, measured, pipelineActivities, pipelineChanges,
                pacedLoad, referenceRecords, reportSizes, rollupPlans, rollupActivities, repetitions, startupRestarts);
    }

    static Settings smokeRun() {
        return new Settings(true, Duration.ofSeconds(2), List.of(1, 8), Duration.ofSeconds(1), Duration.ofSeconds(2), 50, 500,
                Duration.ofSeconds(3), 5_000,
                List.of(1_000), 5, 1_000, 3, 1);
    }
}
