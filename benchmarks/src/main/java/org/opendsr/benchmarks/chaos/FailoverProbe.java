package org.opendsr.benchmarks.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.TopicPartition;

/**
 * Consumer failover, measured from outside: started at the kill -9 of a consumer process, it watches the group's
 * committed offsets and answers how long it took until every partition that had records to consume was consumed
 * again (its committed offset moved past where it stood at the kill), by the restarted process or by another
 * member. Partitions that got nothing new to consume in the meantime say nothing and are left out.
 */
final class FailoverProbe {

    private FailoverProbe() {
    }

    /**
     * Watches each group on its own thread. Per group, the future holds the failover time; null if its partitions
     * did not move within the limit; a negative duration if none of them had anything to consume (not measured).
     */
    static CompletableFuture<Map<String, Duration>> start(Consumers consumers, Iterable<String> groups,
                                                         Map<String, Map<TopicPartition, Long>> atKill,
                                                         long killedAtNanos, Duration limit) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Duration> failover = new HashMap<>();
            for (String group : groups) {
                failover.put(group, watch(consumers, group, atKill.get(group), killedAtNanos, limit));
            }
            return failover;
        });
    }

    private static Duration watch(Consumers consumers, String group, Map<TopicPartition, Long> before,
                                  long killedAtNanos, Duration limit) {
        Map<TopicPartition, Long> waiting = new HashMap<>(before);
        boolean hadWork = false;
        long deadline = killedAtNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, Long> now = consumers.committed(group);
                Map<TopicPartition, Long> ends = consumers.ends(waiting.keySet());
                for (var partition : Map.copyOf(waiting).entrySet()) {
                    long committedNow = now.getOrDefault(partition.getKey(), partition.getValue());
                    if (committedNow > partition.getValue()) {
                        waiting.remove(partition.getKey());
                        hadWork = true;
                    } else if (ends.getOrDefault(partition.getKey(), 0L) > partition.getValue()) {
                        hadWork = true;
                    }
                }
                if (hadWork && waiting.entrySet().stream()
                        .noneMatch(p -> ends.getOrDefault(p.getKey(), 0L) > p.getValue())) {
                    return Duration.ofNanos(System.nanoTime() - killedAtNanos);
                }
            } catch (Exception brokerBusy) {
                // the admin client times out while the group rebalances; ask again
            }
            AgencyPublisher.sleep(200);
        }
        return hadWork ? null : Duration.ZERO.minusNanos(1);
    }
}
