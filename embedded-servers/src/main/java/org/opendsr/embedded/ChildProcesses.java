package org.opendsr.embedded;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small facts about starting child processes, shared by the embedded servers and the local launcher. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The java executable of the running JVM, so children run on the same Java as their parent. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where a class was loaded from: a jar or a classes directory. */
    public static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the code source of " + type.getName(), e);
        }
    }

    /** The last lines of a log file, to show why a child failed without opening the file. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no output)";
            }
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Stops a child that watches its standard input: closing it asks for an orderly exit; if the child has not
     * gone within the grace time it is terminated, then killed.
     */
    public static void stopByClosingInput(Process process, java.time.Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Joins classpath entries with the platform separator. */
    public static String classpath(List<String> entries) {
        return String.join(File.pathSeparator, entries);
    }
}
