package clinic.migraine.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.migraine.stack.ServiceProcess;
import clinic.migraine.stack.Stack;
import clinic.migraine.stack.StackConfig;

/**
 * CPU time (user + system) of every process of the system under test, read from {@code /proc/<pid>/stat}, so a
 * report can say where the time goes. Postgres is its postmaster and every process below it (backends, WAL
 * writer, ...; those that ended count through their parent's children time). The mail server runs inside this
 * JVM: its threads ({@code smtp...}, {@code imap...}) are read from {@code /proc/self/task} and the load
 * generator is this JVM without them. A mail thread that ends between two samples loses its last second to the
 * load generator.
 */
final class ProcessCpu {

    /** The components, in the order of the report's columns. */
    static final List<String> COMPONENTS = List.of("intake-service", "eligibility-service", "scheduling-service",
            "followup-service", "kafka-broker", "schema-registry", "postgres", "mail", "load generator");

    private static final long TICKS_PER_SECOND = clockTicks();

    private final Stack stack;
    private final long postmaster;
    private final Map<Long, Long> mailThreadTicks = new HashMap<>();

    ProcessCpu(Stack stack) {
        this.stack = stack;
        this.postmaster = postmaster(stack.postgres().jdbcUrl("postgres"));
    }

    /** Whether /proc can be read here (Linux); elsewhere every figure stays empty. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** CPU seconds each component has used so far. */
    synchronized Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (!available()) {
            return seconds;
        }
        for (ServiceProcess service : stack.services().values()) {
            // a service's instances together (a stopped one counts 0)
            seconds.merge(StackConfig.module(service.name()), seconds(ownTicks(service.process().pid())), Double::sum);
        }
        seconds.put("kafka-broker", seconds(ownTicks(stack.kafka().process().pid())));
        seconds.put("schema-registry", seconds(ownTicks(stack.registry().process().pid())));
        seconds.put("postgres", postmaster > 0 ? seconds(treeTicks(postmaster)) : -1.0);
        long mail = sampleMailThreads();
        seconds.put("mail", seconds(mail));
        seconds.put("load generator", seconds(ownTicks(ProcessHandle.current().pid()) - mail));
        return seconds;
    }

    /** Reads the mail threads' time now (called every second while sending, so short-lived threads count). */
    synchronized long sampleMailThreads() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name = read(task.resolve("comm")).trim();
                if (name.startsWith("smtp") || name.startsWith("imap")) {
                    long[] stat = stat(task.resolve("stat"));
                    if (stat != null) {
                        mailThreadTicks.merge(Long.parseLong(task.getFileName().toString()), stat[1] + stat[2],
                                Math::max);
                    }
                }
            }
        } catch (IOException e) {
            // not Linux: no figure
        }
        return mailThreadTicks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** After minus before, per component (seconds). */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            Double earlier = before.get(name);
            if (earlier != null && earlier >= 0 && seconds >= 0) {
                used.put(name, Math.round((seconds - earlier) * 100) / 100.0);
            }
        });
        return used;
    }

    /**
     * Parses the fields of a {@code /proc/.../stat} line after the command name: ppid, utime, stime, cutime,
     * cstime (clock ticks); null if it cannot be read.
     */
    static long[] parseStat(String line) {
        int end = line.lastIndexOf(')');
        if (end < 0) {
            return null;
        }
        String[] fields = line.substring(end + 2).trim().split(" ");
        // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17
        return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }

    private static long[] stat(Path file) {
        try {
            return parseStat(read(file));
        } catch (IOException | RuntimeException e) {
            return null;  // the process or thread has just ended
        }
    }

    private static long ownTicks(long pid) {
        long[] stat = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? 0 : stat[1] + stat[2];
    }

    /** The process and all its descendants, with the time of those that ended (their parents' children time). */
    private static long treeTicks(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, long[]> stats = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long[] stat = stat(process.resolve("stat"));
                if (stat != null) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    stats.put(pid, stat);
                    children.computeIfAbsent(stat[0], parent -> new ArrayList<>()).add(pid);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        long ticks = 0;
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            long[] stat = stats.get(pid);
            if (stat != null) {
                ticks += stat[1] + stat[2] + stat[3] + stat[4];
            }
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return ticks;
    }

    /** The postmaster: the parent of the backend serving this connection. */
    private static long postmaster(String jdbcUrl) {
        if (!available()) {
            return -1;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = db.createStatement();
                ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            long[] stat = stat(Path.of("/proc", String.valueOf(backend.getLong(1)), "stat"));
            return stat == null ? -1 : stat[0];
        } catch (SQLException e) {
            return -1;
        }
    }

    private static double seconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
