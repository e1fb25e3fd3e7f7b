package org.opendsr.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Application class-data sharing (AppCDS) for a service's JVM, so that a local run starts faster: the classes a
 * service loads while it starts are parsed and verified once, written to an archive when that JVM exits, and mapped
 * from the archive by every later start (JDK 17: {@code -XX:ArchiveClassesAtExit} then {@code -XX:SharedArchiveFile}).
 *
 * <p>An archive only fits the jar and JVM it was made from. Its stamp (the jar's size and modification time, the
 * Java version and the other JVM options) is kept beside it; when the stamp differs (a rebuild, another JDK), the
 * archive is deleted and made afresh on that run. Should the JVM still refuse an archive, it says so in the
 * service's log and starts without it ({@code -Xshare:auto}, the default), so an archive can slow a start down but
 * never stop one.
 */
final class ClassDataSharing {

    private final Path directory;

    /** @param directory where archives and their stamps live (under the run's data directory) */
    ClassDataSharing(Path directory) {
        this.directory = directory;
    }

    /**
     * The JVM options that use this service's archive, or make it at exit when there is none that fits.
     *
     * @param otherJvmOptions the service's other options: an archive made under other options may not fit
     */
    List<String> jvmOptionsFor(String service, Path jar, List<String> otherJvmOptions) {
        Path archive = directory.resolve(service + ".jsa");
        Path stampFile = directory.resolve(service + ".jsa.stamp");
        try {
            Files.createDirectories(directory);
            String stamp = stampOf(jar, otherJvmOptions);
            boolean fits = Files.isRegularFile(archive) && Files.size(archive) > 0 && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile).equals(stamp);
            if (fits) {
                return List.of("-XX:SharedArchiveFile=" + archive);
            }
            Files.deleteIfExists(archive);
            Files.writeString(stampFile, stamp);
            return List.of("-XX:ArchiveClassesAtExit=" + archive);
        } catch (IOException e) {
            // No archive is only a slower start.
            return List.of();
        }
    }

    static String stampOf(Path jar, List<String> otherJvmOptions) {
        try {
            return String.join("\n", "jar " + jar.toAbsolutePath(), "size " + Files.size(jar),
                    "modified " + Files.getLastModifiedTime(jar).toMillis(),
                    "java " + System.getProperty("java.vm.version"), "options " + String.join(" ", otherJvmOptions));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
