package clinic.migraine.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a service from its extracted jar with an application class-data archive (AppCDS): the JVM maps the
 * classes instead of loading and verifying each again. The first start writes the list of classes it loads
 * ({@code -XX:DumpLoadedClassList}); once the stack is ready the launcher builds the archive from that list in a
 * JVM of its own ({@code -Xshare:dump}), in the background, so no stop waits for an archive and a run that is killed
 * later still leaves one. Later starts map it. A rebuilt jar discards list and archive; an archive whose building
 * failed or was abandoned is never used.
 *
 * <p>Not JDK 17's dynamic archive ({@code -XX:ArchiveClassesAtExit}, or {@code jcmd VM.cds dynamic_dump} while
 * running): writing one crashes intake and scheduling in {@code adjust_lambda_proxy_class_dictionary}
 * (JDK-8274944), at the stop or, worse, in the running service. For the same reason the list's lambda proxies are
 * left out of the archive.
 */
final class ClassDataSharing {

    private static final String STAMP = "jar.stamp";
    private static final String CLASS_LIST = "classes.classlist";
    private static final String ARCHIVE = "classes.jsa";
    private static final String COMPLETE = "classes.jsa.complete";

    private final Path directory;
    private final Path jar;
    private final boolean recording;

    private ClassDataSharing(Path directory, Path jar, boolean recording) {
        this.directory = directory;
        this.jar = jar;
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
                Files.deleteIfExists(directory.resolve(COMPLETE));
                Files.deleteIfExists(directory.resolve(ARCHIVE));
                Files.deleteIfExists(directory.resolve(CLASS_LIST));
            }
            Path extracted = directory.resolve("app").resolve(jar.getFileName()).toAbsolutePath();
            return new ClassDataSharing(directory, extracted, !archived);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** JVM options and the jar to run, to follow the caller's own JVM options. */
    List<String> launch() {
        List<String> args = new ArrayList<>();
        args.add(recording ? "-XX:DumpLoadedClassList=" + directory.resolve(CLASS_LIST).toAbsolutePath()
                : "-XX:SharedArchiveFile=" + directory.resolve(ARCHIVE).toAbsolutePath());
        args.add("-Xlog:cds=off");
        args.add("-jar");
        args.add(jar.toString());
        return args;
    }

    /** True when this start has no archive yet and should have one built once the service is ready. */
    boolean recording() {
        return recording;
    }

    /**
     * Builds the archive from the classes the service (started with {@link #launch}) has loaded so far; the next
     * start maps it. False, and nothing kept, if it could not be built or the thread was interrupted meanwhile.
     */
    boolean record() {
        if (!recording) {
            return false;
        }
        try {
            Path built = directory.resolve(ARCHIVE + ".part");
            if (!dump(directory.resolve(CLASS_LIST), jar.toString(), built)) {
                return false;
            }
            Files.move(built, directory.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve(COMPLETE), "");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Builds a class-data archive for this class path from a class list ({@code -XX:DumpLoadedClassList}) in a JVM
     * of its own, leaving out the list's lambda proxies; true if the archive was written. A start with the same
     * class path and {@code -XX:SharedArchiveFile} maps it.
     */
    static boolean dump(Path classList, String classPath, Path archive) throws IOException {
        Files.deleteIfExists(archive);
        if (!Files.isRegularFile(classList)) {
            return false;
        }
        Path withoutLambdas = classList.resolveSibling(classList.getFileName() + ".archived");
        try (var lines = Files.lines(classList)) {
            Files.write(withoutLambdas, lines.filter(line -> !line.startsWith("@lambda-proxy")).toList());
        }
        Process dump = new ProcessBuilder(ManagedProcess.java(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + withoutLambdas.toAbsolutePath(),
                "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-cp", classPath)
                .redirectErrorStream(true)
                .redirectOutput(archive.resolveSibling(archive.getFileName() + ".log").toFile())
                .start();
        try {
            boolean finished = dump.waitFor(30, TimeUnit.MINUTES);
            if (!finished) {
                dump.destroyForcibly();
                dump.waitFor(10, TimeUnit.SECONDS);
            }
            boolean written = finished && dump.exitValue() == 0 && Files.isRegularFile(archive) && Files.size(archive) > 0;
            if (!written) {
                Files.deleteIfExists(archive);
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dump.destroyForcibly();
            Files.deleteIfExists(archive);
            return false;
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
