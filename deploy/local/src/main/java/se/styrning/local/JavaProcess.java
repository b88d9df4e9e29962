package se.styrning.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM of the local stack, its output in a log file; stopped politely, then forcibly. */
final class JavaProcess {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final Path directory;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    JavaProcess(String name, List<String> jvmAndProgramArguments, Path log) {
        this(name, jvmAndProgramArguments, log, null);
    }

    /** Runs in {@code directory} (null: this process's own). */
    JavaProcess(String name, List<String> jvmAndProgramArguments, Path log, Path directory) {
        this.name = name;
        this.command = new ArrayList<>();
        this.command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.command.addAll(jvmAndProgramArguments);
        this.log = log;
        this.directory = directory;
    }

    String name() {
        return name;
    }

    /** Adds to the environment the process starts with (e.g. secrets, which a command line would show to ps). */
    JavaProcess withEnvironment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    Path log() {
        return log;
    }

    void start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory == null ? null : directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs to completion (a one-off tool); fails with the log's tail unless it exits 0. */
    void run() {
        start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " failed:\n" + tail(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (the JVM's shutdown hooks run), SIGKILL after {@code graceSeconds}. */
    void stop(int graceSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
