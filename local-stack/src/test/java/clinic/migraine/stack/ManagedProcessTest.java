package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A component started by the stack gets the environment the stack gives it on top of the launcher's own. */
class ManagedProcessTest {

    @TempDir
    Path temp;

    @Test
    void aServiceRunsWithTwoMallocArenasAndTheLaunchersOwnEnvironment() {
        ManagedProcess process = ManagedProcess.start("env", List.of("sh", "-c", "echo arenas=$MALLOC_ARENA_MAX path=$PATH"),
                ServiceProcess.ENVIRONMENT, temp, temp.resolve("env.log"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
        assertThat(process.logContains("arenas=2 ")).as(process.tail(5)).isTrue();
        assertThat(process.logContains("path=" + System.getenv("PATH"))).as(process.tail(5)).isTrue();
    }
}
