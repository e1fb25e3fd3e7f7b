package org.opendsr.benchmarks.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.opendsr.local.LocalDsr;

/**
 * kill -9 of one service (or the gateway) mid-stream, then a restart at once, as a supervisor would. For each of
 * its consumer groups, measures the failover: from the kill until its partitions are consumed again.
 */
record ServiceCrash(String service, Consumers consumers, Duration failoverLimit) implements Fault {

    @Override
    public String name() {
        return "kill -9 " + service;
    }

    @Override
    public void inject(LocalDsr dsr, Ledger ledger, ChaosReport report) throws Exception {
        List<String> groups = List.copyOf(consumers.groupsOf(service));
        Map<String, Map<TopicPartition, Long>> atKill = new HashMap<>();
        for (String group : groups) {
            atKill.put(group, consumers.committed(group));
        }
        ledger.open(FaultWindow.serviceDown(service));
        long killedAt = System.nanoTime();
        dsr.kill(service);
        CompletableFuture<Map<String, Duration>> failover =
                FailoverProbe.start(consumers, groups, atKill, killedAt, failoverLimit);
        try {
            dsr.restart(service);
        } finally {
            ledger.close();
        }
        report.restarted(service, Duration.ofNanos(System.nanoTime() - killedAt));
        failover.get(failoverLimit.toSeconds() + 30, TimeUnit.SECONDS).forEach(report::failover);
    }
}
