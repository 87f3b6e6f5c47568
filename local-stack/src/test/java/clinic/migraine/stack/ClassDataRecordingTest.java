package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running JVM lists the classes it loads; an archive built from that list in a JVM of its own is mapped by the
 * next start (the JVM says where each class came from). A small program stands in for a service.
 */
class ClassDataRecordingTest {

    @TempDir
    Path temp;

    @Test
    void anArchiveBuiltFromARunningProgramsClassListServesTheNextStart() throws Exception {
        Path jar = programJar();
        Path classList = temp.resolve("classes.classlist");
        Path archive = temp.resolve("classes.jsa");

        Process running = new ProcessBuilder(ManagedProcess.java(), "-XX:DumpLoadedClassList=" + classList, "-cp",
                jar.toString(), WaitingProgram.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("running.log").toFile())
                .start();
        try {
            awaitLine(temp.resolve("running.log"), WaitingProgram.READY);
            assertThat(ClassDataSharing.dump(classList, jar.toString(), archive)).isTrue();
        } finally {
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(archive).isNotEmptyFile();

        Process next = new ProcessBuilder(ManagedProcess.java(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info", "-cp", jar.toString(), WaitingProgram.class.getName(), "--exit")
                .redirectErrorStream(true)
                .start();
        String classLoading = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).as(classLoading).isZero();
        assertThat(classLoading).contains(WaitingProgram.class.getName() + " source: shared objects file");
    }

    @Test
    void withoutAClassListNoArchiveIsKept() throws Exception {
        Path archive = temp.resolve("classes.jsa");
        assertThat(ClassDataSharing.dump(temp.resolve("missing.classlist"), programJar().toString(), archive)).isFalse();
        assertThat(archive).doesNotExist();
    }

    private Path programJar() throws IOException {
        Path jar = temp.resolve("program.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        String entry = WaitingProgram.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                var classFile = WaitingProgram.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static void awaitLine(Path log, String line) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(log) && List.of(Files.readString(log).split("\n")).contains(line));
    }

    /** Says it is ready and waits for a line on its input (or, with --exit, ends at once). */
    public static final class WaitingProgram {

        static final String READY = "ready";

        public static void main(String[] args) throws IOException {
            if (args.length > 0) {
                return;
            }
            System.out.println(READY);
            System.out.flush();
            System.in.read();
        }
    }
}
