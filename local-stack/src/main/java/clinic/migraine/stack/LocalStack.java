package clinic.migraine.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./run-local}: starts the whole system on this machine, prints where everything is and stops it all
 * on Ctrl-C. Options: {@code --clean} wipes the data first, {@code --demo} submits sample referrals,
 * {@code --state-dir DIR} moves data and logs (default {@code .local-stack}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path projectRoot = Path.of("").toAbsolutePath();
        Path stateDirectory = projectRoot.resolve(".local-stack");
        boolean clean = false;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> clean = true;
                case "--demo" -> demo = true;
                case "--state-dir" -> stateDirectory = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("unknown option " + args[i] + " (known: --clean, --demo, --state-dir DIR)");
                    System.exit(2);
                }
            }
        }
        StackConfig config = StackConfig.defaults(projectRoot, stateDirectory);
        if (clean) {
            deleteRecursively(config.dataDirectory());
            System.out.println("Removed " + projectRoot.relativize(config.dataDirectory()));
        }
        long startedAt = System.nanoTime();
        System.out.println("Starting Kafka, schema registry, Postgres, mail and the services ...");
        Stack stack = Stack.start(config);
        long millis = (System.nanoTime() - startedAt) / 1_000_000;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping everything ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(StackReport.table(stack, projectRoot, millis));
        if (demo) {
            Demo.run(stack);
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
