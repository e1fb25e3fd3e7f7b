package org.opendsr.reporting.store.application;

import java.util.List;
import java.util.Map;

import org.opendsr.kit.messaging.ReceivedEvent;

/**
 * The store's topics read from the beginning, outside any consumer group (a port: the messaging adapter), up to
 * where they ended when the replay was opened.
 */
public interface EventReplay {

    /**
     * Per topic, the highest first offset of its partitions: 0 where every partition still holds its first event,
     * more where retention has deleted events from the beginning of one.
     */
    Map<String, Long> firstOffsets(List<String> topics);

    /** Opens a replay of the topics: positions at their beginnings, ends captured now. */
    Replay open(List<String> topics);

    interface Replay extends AutoCloseable {

        /** Events to read per topic: from the beginning to the end captured at opening. */
        Map<String, Long> totals();

        /** The next batch; empty once {@link #done()}. */
        Batch next();

        /** Whether every partition has been read up to its captured end. */
        boolean done();

        @Override
        void close();
    }

    /**
     * One poll: the events of the types the store applies, in each partition's order; how many records were read
     * per topic (applied or not); and how many could not be read (not a CloudEvent, not valid, not mappable).
     */
    record Batch(List<ReceivedEvent<?>> events, Map<String, Long> readByTopic, long unreadable) {
    }
}
