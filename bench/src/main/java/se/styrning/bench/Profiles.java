package se.styrning.bench;

import se.styrning.local.LocalStack;
import se.styrning.local.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * With {@code --profile=DIR}, a JFR recording (the "profile" settings, deep stacks) of every service for the length
 * of one pipeline phase, written as {@code DIR/<phase>-<service>.jfr}: where a phase's CPU goes inside each service,
 * beside {@link CpuShares}' split between the processes. Without it, nothing is recorded.
 */
final class Profiles {

    private final Path directory;

    private Profiles(Path directory) {
        this.directory = directory;
    }

    static Profiles into(Path directory) {
        return new Profiles(directory);
    }

    static Profiles none() {
        return new Profiles(null);
    }

    /** Starts recording {@code phase} in every service running now; closing the answer writes the recordings. */
    Recording start(LocalStack stack, String phase) {
        if (directory == null) {
            return () -> { };
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Service> services = stack.services().stream().filter(Service::isAlive).toList();
        services.forEach(service -> jcmd(service.pid(), "JFR.start", "name=" + phase, "settings=profile",
                "jdk.ExecutionSample#period=10ms", "stackdepth=256"));
        return () -> services.forEach(service -> jcmd(service.pid(), "JFR.stop", "name=" + phase,
                "filename=" + directory.resolve(phase + "-" + service.name() + ".jfr")));
    }

    /** A phase's recordings; closing writes them. */
    interface Recording extends AutoCloseable {
        @Override
        void close();
    }

    private static void jcmd(long pid, String... command) {
        try {
            List<String> line = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
            line.addAll(List.of(command));
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                System.err.println("jcmd " + String.join(" ", command) + " did not succeed for process " + pid);
            }
        } catch (IOException e) {
            System.err.println("jcmd is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
