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

    private static final String LIST = "-XX:DumpLoadedClassList=";

    @TempDir
    Path temp;

    @Test
    void recordsFirstThenMapsTheArchiveAndStartsOverWhenTheJarIsRebuilt() throws IOException {
        Path jar = temp.resolve("intake-service.jar");
        Files.copy(ServiceProcess.jar(Path.of("..").toAbsolutePath().normalize(), "intake-service"), jar);
        Path folder = temp.resolve("cds");

        ClassDataSharing first = ClassDataSharing.prepare(jar, folder);
        assertThat(first.recording()).isTrue();
        assertThat(first.launch()).anyMatch(arg -> arg.startsWith(LIST))
                .contains(folder.resolve("app/intake-service.jar").toAbsolutePath().toString());
        assertThat(folder.resolve("app/lib")).isDirectoryContaining(path -> path.toString().endsWith(".jar"));

        assertThat(first.record()).as("no class list (the service never ran): no archive").isFalse();
        assertThat(folder.resolve("classes.jsa")).doesNotExist();
        assertThat(ClassDataSharing.prepare(jar, folder).launch())
                .anyMatch(arg -> arg.startsWith(LIST));

        Files.writeString(folder.resolve("classes.jsa"), "half written");
        assertThat(ClassDataSharing.prepare(jar, folder).launch())
                .as("an archive never marked complete is not trusted").anyMatch(arg -> arg.startsWith(LIST));
        assertThat(folder.resolve("classes.jsa")).doesNotExist();

        Files.writeString(folder.resolve("classes.jsa"), "written by the running service");
        Files.writeString(folder.resolve("classes.jsa.complete"), "");
        ClassDataSharing later = ClassDataSharing.prepare(jar, folder);
        assertThat(later.recording()).isFalse();
        assertThat(later.launch())
                .contains("-XX:SharedArchiveFile=" + folder.resolve("classes.jsa").toAbsolutePath())
                .noneMatch(arg -> arg.startsWith(LIST));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(ClassDataSharing.prepare(jar, folder).launch())
                .as("a rebuilt jar records again").anyMatch(arg -> arg.startsWith(LIST));
        assertThat(folder.resolve("classes.jsa")).doesNotExist();
    }
}
