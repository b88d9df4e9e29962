package se.styrning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time a process and its children (nginx's workers) have used, from /proc, in milliseconds. */
final class CpuTime {

    private static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private CpuTime() {
    }

    static double millis(long pid) {
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children)
                        .map(ProcessHandle::pid))
                .mapToDouble(CpuTime::own).sum();
    }

    /** The part of {@link #millis} a JVM's JIT compiler threads used: warm-up work, not work per request. */
    static double compilerMillis(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return threads.filter(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm"));
                    return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
                } catch (IOException e) {
                    return false;
                }
            }).mapToDouble(thread -> ticks(thread.resolve("stat"))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The process alone, without its children. */
    static double own(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    private static double ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
