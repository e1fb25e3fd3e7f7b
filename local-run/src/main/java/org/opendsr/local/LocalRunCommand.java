package org.opendsr.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dsr-local [--reset]}: starts the whole DSR, prints where to call it and how to get a token for each
 * demo user, and runs until Ctrl-C.
 */
public final class LocalRunCommand {

    private LocalRunCommand() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("dsr.repository.root", ".")).toAbsolutePath().normalize();
        LocalDsr.Options options = LocalDsr.Options.forPeople(root);
        if (List.of(args).contains("--reset")) {
            out.println("Deleting " + options.dataDirectory() + " (all local data) ...");
            LocalDsr.deleteRecursively(options.dataDirectory());
        }
        out.println("Starting the Dynamic Support Register (data in " + options.dataDirectory() + ")");
        long started = System.nanoTime();
        LocalDsr dsr = LocalDsr.start(options, Progress.to(out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping the DSR ...");
            dsr.close();
            out.println("Stopped. Data kept in " + options.dataDirectory() + " (./dsr-local --reset starts afresh).");
            stopped.countDown();
        }, "stop-dsr"));
        printWelcome(out, dsr, options, Duration.ofNanos(System.nanoTime() - started));
        exitWhenTheScriptEnds();
        stopped.await();
    }

    /**
     * ./dsr-local runs this launcher in its own session, so that Ctrl-C reaches only the script, which forwards it
     * here and the services stop in order instead of all at once. Should the script itself be killed, the launcher
     * stops everything the same way (System.exit runs the shutdown hook above).
     */
    private static void exitWhenTheScriptEnds() {
        ProcessHandle.current().parent().ifPresent(script -> script.onExit().thenRun(() -> System.exit(0)));
    }

    private static void printWelcome(PrintStream out, LocalDsr dsr, LocalDsr.Options options, Duration took) {
        String gateway = dsr.gatewayUrl();
        out.printf("%nThe DSR is running (started in %.0f s).%n%n", took.toSeconds() * 1.0);
        out.println("  Gateway (the API):  " + gateway + "/api");
        out.println("  Swagger UI:         " + gateway + "/docs/");
        out.println("  Demo users:         " + gateway + "/auth/demo-users");
        out.println();
        out.println("  Get a token for a demo user (professional, dsr-team, dsr-lead, analyst, agency-system, admin):");
        out.println("    TOKEN=$(curl -s -X POST " + gateway + "/auth/demo-token -H 'Content-Type: application/json' \\");
        out.println("      -d '{\"username\": \"professional\"}' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("    curl -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/referrals/<referralId>");
        out.println();
        out.println("  Kafka:       " + dsr.kafkaBootstrapServers() + "   PostgreSQL: localhost:" + options.ports().postgres()
                + " (user postgres; databases referral, consent, risk, meeting, reporting)");
        out.println("  Logs:        " + dsr.logDirectory());
        out.println();
        out.println("Press Ctrl-C to stop everything. Data survives restarts; ./dsr-local --reset starts afresh.");
    }
}
