package clinic.migraine.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import clinic.migraine.testsupport.RunningSystem;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running system for every test class that registers this extension, started by the first of them and
 * stopped when the whole test run ends: starting the stack takes most of a minute, and these classes only add
 * referrals of their own, so they can share it. Its logs are kept in {@link #LOGS}, one file per process, plus
 * {@code test-jvm.log} with what this JVM printed while the system ran (Postgres and the mail server run
 * inside it), so a test can read everything the stack wrote.
 */
final class SharedSystem implements BeforeAllCallback {

    static final Path LOGS = Path.of("target/shared-stack-logs").toAbsolutePath();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        // a failed start is kept too: the next classes fail at once instead of waiting minutes for the same failure
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> {
            try {
                return Running.start();
            } catch (RuntimeException e) {
                return e;
            }
        }, Object.class);
        if (started instanceof RuntimeException failed) {
            throw new IllegalStateException("the shared system did not start: " + failed.getMessage(), failed);
        }
        running = (Running) started;
    }

    /** The system; only within a class that registered this extension. */
    static RunningSystem system() {
        if (running == null) {
            throw new IllegalStateException("register SharedSystem on the test class first");
        }
        return running.system();
    }

    /** Every log file the stack's processes and this JVM wrote so far, by file name. */
    static Map<String, String> logs() {
        running.flush();
        try (Stream<Path> files = Files.list(LOGS)) {
            return files.filter(Files::isRegularFile).sorted().collect(java.util.stream.Collectors.toMap(
                    file -> file.getFileName().toString(), SharedSystem::read, (a, b) -> a,
                    java.util.LinkedHashMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system and the copy of this JVM's output; closed by JUnit at the end of the run. */
    private record Running(RunningSystem system, PrintStream out, PrintStream err, OutputStream copy)
            implements AutoCloseable {

        static Running start() {
            try {
                Files.createDirectories(LOGS);
                try (Stream<Path> old = Files.list(LOGS)) {
                    for (Path file : old.filter(Files::isRegularFile).toList()) {
                        Files.delete(file);
                    }
                }
                OutputStream copy = Files.newOutputStream(LOGS.resolve("test-jvm.log"));
                PrintStream out = System.out;
                PrintStream err = System.err;
                System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
                Running running = new Running(null, out, err, copy);
                try {
                    return new Running(RunningSystem.start(LOGS, Map.of()), out, err, copy);
                } catch (RuntimeException e) {
                    running.restoreOutput();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            System.out.flush();
            System.err.flush();
        }

        @Override
        public void close() {
            try {
                system.close();
            } finally {
                restoreOutput();
            }
        }

        private void restoreOutput() {
            System.setOut(out);
            System.setErr(err);
            try {
                copy.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes to the original stream and to the copy. */
    private static final class Tee extends OutputStream {

        private final OutputStream original;
        private final OutputStream copy;

        Tee(OutputStream original, OutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            original.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
            synchronized (copy) {
                copy.flush();
            }
        }
    }
}
