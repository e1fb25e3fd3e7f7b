package org.opendsr.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central: no Docker and no local installation.
 *
 * <p>PostgreSQL daemonises, so it would outlive a JVM killed with -9. A watchdog process holds a pipe from this
 * JVM and stops the server when the pipe closes, which the kernel does whenever this JVM ends. A server left by
 * an earlier run on the same data directory (a persistent local run) is stopped before starting.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Settings settings;
    private Process watchdog;

    /**
     * @param dataDirectory       the cluster's data directory
     * @param port                the port on localhost; 0 picks a free one
     * @param keepData            true keeps the data between runs (the local run); false deletes it on close (tests)
     * @param binariesDirectory   where the PostgreSQL binaries are unpacked, shared between runs to start faster
     * @param durableCommits      true makes every commit wait for the disk, as in production
     */
    public record Settings(Path dataDirectory, int port, boolean keepData, Path binariesDirectory, boolean durableCommits) {
        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(binariesDirectory, "binariesDirectory");
        }

        public static Settings forTests(Path dataDirectory, Path binariesDirectory) {
            return new Settings(dataDirectory, 0, false, binariesDirectory, false);
        }
    }

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Settings settings, Process watchdog) {
        this.postgres = postgres;
        this.settings = settings;
        this.watchdog = watchdog;
    }

    public static EmbeddedPostgresServer start(Settings settings) {
        try {
            Files.createDirectories(settings.dataDirectory().getParent());
            Files.createDirectories(settings.binariesDirectory());
            stopServerLeftBehind(settings.dataDirectory());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(!settings.keepData())
                    .setOverrideWorkingDirectory(settings.binariesDirectory().toFile())
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Not zonky's own shutdown hook: at Ctrl-C it would stop PostgreSQL while the services still use
                    // it. The owner closes the server after the services (LocalDsr), and the watchdog below stops
                    // it whenever this JVM ends without closing it.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", settings.durableCommits() ? "on" : "off")
                    .setServerConfig("fsync", settings.durableCommits() ? "on" : "off")
                    .setServerConfig("full_page_writes", settings.durableCommits() ? "on" : "off")
                    // The server's own log (startup, errors, and whatever a tool turns on at run time, such as the
                    // benchmark's statement capture) goes to a file beside the data directory instead of nowhere.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog(settings.dataDirectory()).toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog(settings.dataDirectory()).toFile()))
                    .start();
            Process watchdog = startWatchdog(postmasterPid(settings.dataDirectory()).orElseThrow(
                    () -> new IllegalStateException("PostgreSQL started but wrote no postmaster.pid")));
            return new EmbeddedPostgresServer(postgres, settings, watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** The server's log file: {@code <data directory>.log}, beside the data directory. */
    public static Path serverLog(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return SUPERUSER;
    }

    /** The embedded server trusts local connections; any password is accepted. */
    public String password() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. Names are plain lower-case identifiers. */
    public void createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        // The watchdog goes first, so that it cannot signal a process id that is reused later.
        watchdog.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL", e);
        }
    }

    /**
     * For fault tests ({@code ./dsr-chaos}): stops the server as a crash would (an "immediate" shutdown: every
     * connection is cut, no checkpoint, crash recovery at the next start). The data stays; {@link #startAgain()}
     * brings the server back on the same port with the same settings.
     */
    public synchronized void stopAbruptly() {
        watchdog.destroy();
        pgCtl(List.of("stop", "-m", "immediate", "-w", "-t", "60"));
    }

    /**
     * Starts the server again after {@link #stopAbruptly()}, with the options it was first started with (which
     * PostgreSQL wrote to postmaster.opts), and watches it as before.
     */
    public synchronized void startAgain() {
        try {
            List<String> options = postmasterOptions(settings.dataDirectory());
            pgCtl(List.of("start", "-w", "-t", "120", "-o", String.join(" ", options.subList(1, options.size()))));
            watchdog = startWatchdog(postmasterPid(settings.dataDirectory()).orElseThrow(
                    () -> new IllegalStateException("PostgreSQL restarted but wrote no postmaster.pid")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart PostgreSQL", e);
        }
    }

    /** The postgres executable and its arguments, each quoted as in postmaster.opts, without its -D pair. */
    private static List<String> postmasterOptions(Path dataDirectory) throws IOException {
        String line = Files.readString(dataDirectory.resolve("postmaster.opts")).trim();
        List<String> tokens = new java.util.ArrayList<>();
        java.util.regex.Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(line);
        while (quoted.find()) {
            tokens.add(quoted.group(1));
        }
        String executable = line.startsWith("\"") ? tokens.remove(0) : line.split(" ")[0];
        List<String> result = new java.util.ArrayList<>();
        result.add(executable);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("-D")) {
                i++;
                continue;
            }
            result.add("\"" + tokens.get(i) + "\"");
        }
        return result;
    }

    private void pgCtl(List<String> arguments) {
        try {
            Path postgresExecutable = Path.of(postmasterOptions(settings.dataDirectory()).get(0));
            List<String> command = new java.util.ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // pg_ctl refuses to run as root; zonky runs its commands in a user namespace, and so must we.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(postgresExecutable.resolveSibling("pg_ctl").toString(), "-D",
                    settings.dataDirectory().toString()));
            command.addAll(arguments);
            Process pgCtl = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!pgCtl.waitFor(150, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
                pgCtl.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + arguments.get(0) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run pg_ctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running pg_ctl", e);
        }
    }

    private static Process startWatchdog(long postmasterPid) throws IOException {
        // cat returns when this JVM's end of the pipe closes; SIGINT is PostgreSQL's "fast shutdown".
        return new ProcessBuilder("sh", "-c", "cat > /dev/null; kill -INT " + postmasterPid + " 2>/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A server still running on this data directory (its JVM was killed and took no watchdog with it) is stopped. */
    private static void stopServerLeftBehind(Path dataDirectory) {
        postmasterPid(dataDirectory)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("postgres")).orElse(true))
                .ifPresent(process -> {
                    process.destroy(); // SIGTERM: "smart" shutdown; sessions from the dead JVM are gone already
                    try {
                        process.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
    }
}
