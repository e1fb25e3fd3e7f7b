package org.opendsr.benchmarks.chaos;

import java.time.Duration;

import org.opendsr.local.LocalDsr;

/**
 * kill -9 of the Kafka broker mid-stream; it stays down a few seconds (producers and consumers of every service
 * lose it together) and starts again on its data. Requests through the gateway need no broker, so none may fail.
 */
record BrokerCrash(Duration down) implements Fault {

    @Override
    public String name() {
        return "kill -9 the Kafka broker";
    }

    @Override
    public void inject(LocalDsr dsr, Ledger ledger, ChaosReport report) {
        long killedAt = System.nanoTime();
        dsr.killKafka();
        AgencyPublisher.sleep(down.toMillis());
        dsr.restartKafka();
        report.restarted("kafka", Duration.ofNanos(System.nanoTime() - killedAt));
    }
}
