package org.opendsr.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opendsr.embedded.ChildProcesses;

/**
 * A DSR service (or the gateway) running from its packaged jar in its own JVM. It is told to exit when its
 * standard input closes ({@code DSR_EXIT_WITH_PARENT}), so it ends with the launcher however the launcher ends.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, Path jar, List<Path> extraClasspath, int port,
                                Map<String, String> environment, Map<String, String> systemProperties,
                                List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (extraClasspath.isEmpty()) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            List<String> entries = new ArrayList<>();
            entries.add(jar.toString());
            extraClasspath.forEach(path -> entries.add(path.toString()));
            command.add("-cp");
            command.add(ChildProcesses.classpath(entries));
            command.add(mainClassOf(jar));
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            builder.environment().put("MICRONAUT_APPLICATION_NAME", name);
            builder.environment().put("DSR_EXIT_WITH_PARENT", "true");
            return new ServiceProcess(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    private static String mainClassOf(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
        }
    }

    /** Waits until the service answers ready (its database reachable), or fails with the end of its log. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + ". Last lines of " + log + ":\n" + ChildProcesses.tail(log, 30));
            }
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + name + " was starting", e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ". Last lines of " + log + ":\n"
                + ChildProcesses.tail(log, 30));
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fault tests: the process dies at once (SIGKILL), as in a crash; returns once it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop (closing its standard input), then insists. */
    @Override
    public void close() {
        ChildProcesses.stopByClosingInput(process, Duration.ofSeconds(20));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
