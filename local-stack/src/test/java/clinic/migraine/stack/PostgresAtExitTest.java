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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At Ctrl-C every shutdown hook of the launcher's JVM runs at once. Postgres must not stop in one of them while the
 * services are still finishing in another (a service then waited out its stop timeout on a dead database): it stops
 * when the stack closes it, after the services. A JVM that starts Postgres and exits keeps querying it from its own
 * hook for two seconds of the exit, then closes it.
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
        assertThat(child.logContains("queries during the exit: 20 of 20")).as(child.tail(10)).isTrue();
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
                int answered = 0;
                for (int i = 0; i < 20; i++) {
                    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("intake"));
                            Statement statement = connection.createStatement()) {
                        statement.execute("select 1");
                        answered++;
                    } catch (SQLException e) {
                        System.out.println("query refused: " + e.getMessage());
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                System.out.println("queries during the exit: " + answered + " of 20");
                postgres.close();
                System.out.println("closed");
            }));
            System.exit(0);
        }
    }
}
