package clinic.migraine.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A component running as a child process, its output in its own log file. Stopping sends SIGTERM and waits,
 * then kills; {@link #kill()} is kill -9, for crash tests.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;

    private ManagedProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    public static ManagedProcess start(String name, List<String> command, Path workingDirectory, Path logFile) {
        return start(name, command, Map.of(), workingDirectory, logFile);
    }

    /** Starts the command with these environment variables on top of this process's own. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            ProcessBuilder builder = new ProcessBuilder(ownSession(command));
            builder.environment().putAll(environment);
            Process process = builder
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ManagedProcess(name, process, logFile, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * The command in a session of its own where setsid exists (Linux): Ctrl-C in a terminal reaches the launcher
     * only, which stops the services while Kafka and the database still answer, then the rest. Without it every
     * process got the signal at once, and services waited on a broker that was going away.
     */
    private static List<String> ownSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** The java executable of this JVM, so children run on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Polls the probe until it answers true; fails early, with the log's tail, if the process exits. */
    public void awaitReady(Duration timeout, BooleanSupplier probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + "; last log lines:\n" + tail(40));
            }
            if (probe.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; last log lines:\n" + tail(40));
    }

    /** True once this run's part of the log contains the fragment (a ready marker). */
    public boolean logContains(String fragment) {
        try (var in = Files.newInputStream(logFile)) {
            in.skipNBytes(logStart);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains(fragment);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Resident set size in MiB, read from /proc (Linux), or -1. */
    public long rssMebibytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** kill -9: no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** SIGTERM, then kill -9 after the grace time; true if it stopped by itself within that time. */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return false;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!waitFor(grace)) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(5));
            return false;
        }
        return true;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
