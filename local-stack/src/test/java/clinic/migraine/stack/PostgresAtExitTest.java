package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At Ctrl-C every shutdown hook of the launcher's JVM runs at once. Postgres must not stop in one of them while the
 * services are still finishing in another (a service then waited out its stop timeout on a dead database): it stops
 * when the stack closes it, after the services. A JVM that starts Postgres and exits keeps querying it from its own
 * hook, which must be answered throughout two seconds of the exit, then closes it.
 */
class PostgresAtExitTest {

    @TempDir
    Path temp;

    @Test
    void postgresServesTheLaunchersOwnStopUntilTheStackClosesIt() {
        ManagedProcess child = ManagedProcess.start("exiting-launcher", List.of(ManagedProcess.java(), "-cp",
                System.getProperty("java.class.path"), ExitingLauncher.class.getName(),
                String.valueOf(freePort())), Map.of(), temp,
                temp.resolve("launcher.log"));

        await().atMost(Duration.ofSeconds(90)).until(() -> !child.isAlive());
        assertThat(child.logContains("answered throughout two seconds of the exit")).as(child.tail(10)).isTrue();
        assertThat(child.logContains("closed")).as(child.tail(10)).isTrue();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts Postgres, then exits; its own hook, like the launcher's, still needs the database on the way out. */
    static final class ExitingLauncher {

        public static void main(String[] args) {
            PostgresServer postgres = PostgresServer.start(Integer.parseInt(args[0]), null, List.of("intake"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                            .pollInterval(Duration.ofMillis(100)).until(() -> answers(postgres));
                    System.out.println("answered throughout two seconds of the exit");
                } catch (ConditionTimeoutException refused) {
                    System.out.println("refused during the exit: " + refused.getMessage());
                }
                postgres.close();
                System.out.println("closed");
            }));
            System.exit(0);
        }

        private static boolean answers(PostgresServer postgres) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("intake"));
                    Statement statement = connection.createStatement()) {
                return statement.execute("select 1");
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
