package org.opendsr.embedded;

import java.nio.file.Path;

/** Started in its own JVM by a test, which kills it with SIGKILL and checks that its servers stop too. */
public final class ServersThatOutliveTheirJvmProbe {

    private ServersThatOutliveTheirJvmProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                EmbeddedPostgresServer.Settings.forTests(work.resolve("pg"), Path.of(args[1])));
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.forTests(work.resolve("kafka")));
        long postgresPid = EmbeddedPostgresServer.postmasterPid(work.resolve("pg")).orElseThrow();
        System.out.println("pids " + postgresPid + " " + kafka.pid());
        System.out.flush();
        Thread.currentThread().join(); // until killed
        postgres.close();
    }
}
