package clinic.migraine.testsupport;

import java.util.List;

import clinic.migraine.stack.PostgresServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests a real PostgreSQL server, started once per test JVM on a free port and stopped when the JVM
 * ends. Sets {@code spring.datasource.url/username/password} as system properties (database {@code app}).
 */
public final class RealPostgres implements BeforeAllCallback {

    private static PostgresServer postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        jdbcUrl();
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            postgres = PostgresServer.start(RealSchemaRegistry.freePort(), null, List.of("app"));
            PostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop"));
            System.setProperty("spring.datasource.url", postgres.jdbcUrl("app"));
            System.setProperty("spring.datasource.username", "postgres");
            System.setProperty("spring.datasource.password", "postgres");
        }
        return postgres.jdbcUrl("app");
    }
}
