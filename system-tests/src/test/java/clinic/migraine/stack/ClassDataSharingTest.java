package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's class-data archives, on a real service jar (built before this module). */
class ClassDataSharingTest {

    @TempDir
    Path temp;

    @Test
    void recordsFirstThenMapsTheArchiveAndStartsOverWhenTheJarIsRebuilt() throws IOException {
        Path jar = temp.resolve("intake-service.jar");
        Files.copy(ServiceProcess.jar(Path.of("..").toAbsolutePath().normalize(), "intake-service"), jar);
        Path folder = temp.resolve("cds");

        ClassDataSharing first = ClassDataSharing.prepare(jar, folder);
        assertThat(first.launch("intake-service")).anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit="))
                .contains(folder.resolve("app/intake-service.jar").toAbsolutePath().toString());
        assertThat(folder.resolve("app/lib")).isDirectoryContaining(path -> path.toString().endsWith(".jar"));

        Files.writeString(folder.resolve("classes.jsa"), "written at exit");
        first.stopped(false);
        assertThat(folder.resolve("classes.jsa")).as("a killed run's archive is not trusted").doesNotExist();
        assertThat(ClassDataSharing.prepare(jar, folder).launch("intake-service"))
                .anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit="));

        ClassDataSharing recording = ClassDataSharing.prepare(jar, folder);
        Files.writeString(folder.resolve("classes.jsa"), "written at exit");
        recording.stopped(true);
        assertThat(ClassDataSharing.prepare(jar, folder).launch("intake-service"))
                .contains("-XX:SharedArchiveFile=" + folder.resolve("classes.jsa").toAbsolutePath());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(ClassDataSharing.prepare(jar, folder).launch("intake-service"))
                .as("a rebuilt jar records again").anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(folder.resolve("classes.jsa")).doesNotExist();
    }
}
