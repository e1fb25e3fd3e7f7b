package org.opendsr.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Entry point of the child JVM that runs a real Kafka KRaft broker (combined broker and controller).
 *
 * <p>Arguments: {@code <server.properties> <cluster id> <ready file> <bootstrap servers>}. It formats the
 * storage if needed, starts {@code kafka.Kafka}, and writes the ready file once the broker answers an admin
 * request. It exits when its standard input closes, which happens when the parent JVM ends for any reason,
 * including kill -9: no broker is ever left behind.
 */
public final class KafkaBrokerMain {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <clusterId> <readyFile> <bootstrap>");
            System.exit(2);
        }
        exitWhenParentEnds(System.in);
        String properties = args[0];
        Path readyFile = Path.of(args[2]);

        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", args[1], "-c", properties, "--ignore-formatted"}, System.out);
        if (formatted != 0) {
            System.err.println("Formatting the broker's storage failed with exit code " + formatted);
            System.exit(3);
        }
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {properties}), "kafka-broker");
        broker.start();
        awaitReady(args[3]);
        Files.writeString(readyFile, Instant.now().toString());
        broker.join();
    }

    private static void exitWhenParentEnds(InputStream parent) {
        Thread watcher = new Thread(() -> {
            try {
                while (parent.read() != -1) {
                    // The parent never writes; it only holds the pipe open while it lives.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as end of input: the parent is gone.
            }
            Thread halt = new Thread(() -> {
                sleepQuietly(Duration.ofSeconds(20));
                Runtime.getRuntime().halt(1);
            }, "kafka-broker-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(0); // runs Kafka's own shutdown hook: a controlled shutdown, data kept consistent
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitReady(String bootstrap) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleepQuietly(Duration.ofMillis(100));
                }
            }
        }
        System.err.println("The broker did not become ready within " + READY_TIMEOUT);
        System.exit(4);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
