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

    private static double own(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
