package clinic.migraine.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a service from its extracted jar with an application class-data archive (JDK dynamic CDS), which
 * takes about 40 % off a Spring Boot start. The first run records the archive when the service stops cleanly;
 * later runs map it. A rebuilt jar discards both; a run that was killed leaves no archive to trust.
 */
final class ClassDataSharing {

    private static final String STAMP = "jar.stamp";
    private static final String ARCHIVE = "classes.jsa";
    private static final String COMPLETE = "classes.jsa.complete";

    private final Path directory;
    private final boolean recording;

    private ClassDataSharing(Path directory, boolean recording) {
        this.directory = directory;
        this.recording = recording;
    }

    /** Prepares the extracted jar in the folder (once per build of the jar); never fails the start. */
    static ClassDataSharing prepare(Path jar, Path directory) {
        try {
            String stamp = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
            Path stampFile = directory.resolve(STAMP);
            if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                Directories.deleteRecursively(directory);
                Files.createDirectories(directory);
                extract(jar, directory.resolve("app"));
                Files.writeString(stampFile, stamp);
            }
            boolean archived = Files.isRegularFile(directory.resolve(COMPLETE)) && Files.isRegularFile(directory.resolve(ARCHIVE));
            if (!archived) {
                Files.deleteIfExists(directory.resolve(ARCHIVE));
            }
            return new ClassDataSharing(directory, !archived);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** JVM options and the jar to run, to follow the caller's own JVM options. */
    List<String> launch(String module) {
        List<String> args = new ArrayList<>();
        Path archive = directory.resolve(ARCHIVE).toAbsolutePath();
        args.add(recording ? "-XX:ArchiveClassesAtExit=" + archive : "-XX:SharedArchiveFile=" + archive);
        args.add("-Xlog:cds=off");
        args.add("-Xlog:cds+dynamic=off");
        args.add("-jar");
        args.add(directory.resolve("app").resolve(module + ".jar").toAbsolutePath().toString());
        return args;
    }

    /** Writing the archive at exit takes several seconds when all services stop at once. */
    Duration stopGrace() {
        return recording ? Duration.ofSeconds(90) : Duration.ofSeconds(20);
    }

    /** After a clean stop the recorded archive is complete and may be used next time. */
    void stopped(boolean cleanly) {
        try {
            if (recording && cleanly && Files.isRegularFile(directory.resolve(ARCHIVE))) {
                Files.writeString(directory.resolve(COMPLETE), "");
            } else if (recording) {
                Files.deleteIfExists(directory.resolve(ARCHIVE));
            }
        } catch (IOException e) {
            // the next start simply records again
        }
    }

    private static void extract(Path jar, Path destination) throws IOException {
        Process extract = new ProcessBuilder(ManagedProcess.java(), "-Djarmode=tools", "-jar",
                jar.toAbsolutePath().toString(), "extract", "--destination", destination.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("extracting " + jar.getFileName() + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar.getFileName(), e);
        }
    }
}
