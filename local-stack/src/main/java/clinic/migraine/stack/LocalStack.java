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
 * on Ctrl-C. Each component is printed as it becomes ready. Options: {@code --clean} wipes the data first,
 * {@code --demo} submits sample referrals, {@code --replicas N} runs N instances of each service (the second on
 * port + 100), {@code --state-dir DIR} moves data and logs (default {@code .local-stack}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path projectRoot = Path.of("").toAbsolutePath();
        Path stateDirectory = projectRoot.resolve(".local-stack");
        boolean clean = false;
        boolean demo = false;
        int replicas = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> clean = true;
                case "--demo" -> demo = true;
                case "--state-dir" -> stateDirectory = Path.of(args[++i]).toAbsolutePath();
                case "--replicas" -> replicas = replicas(i + 1 < args.length ? args[++i] : "");
                default -> {
                    System.err.println("unknown option " + args[i]
                            + " (known: --clean, --demo, --replicas N, --state-dir DIR)");
                    System.exit(2);
                }
            }
        }
        StackConfig config = StackConfig.defaults(projectRoot, stateDirectory).withReplicas(replicas);
        if (clean) {
            deleteRecursively(config.dataDirectory());
            System.out.println("Removed " + projectRoot.relativize(config.dataDirectory()));
        }
        long startedAt = System.nanoTime();
        System.out.println("Starting Kafka, schema registry, Postgres, mail and " + (replicas == 1 ? "the services"
                : replicas + " instances of each service") + " ...");
        Stack stack = Stack.start(config, System.out::println);
        long millis = (System.nanoTime() - startedAt) / 1_000_000;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping everything ...");
            long stopping = System.nanoTime();
            stack.close();
            System.out.printf("Stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(StackReport.table(stack, projectRoot, millis));
        if (demo) {
            Demo.run(stack);
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static int replicas(String value) {
        if (!value.matches("[1-9]")) {
            System.err.println("--replicas takes a number from 1 to 9, not '" + value + "'");
            System.exit(2);
        }
        return Integer.parseInt(value);
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
