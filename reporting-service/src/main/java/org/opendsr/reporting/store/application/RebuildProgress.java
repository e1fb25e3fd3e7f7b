package org.opendsr.reporting.store.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How far a rebuild has got. Counts and times only. */
public record RebuildProgress(long id, State state, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
                              List<TopicProgress> topics, long skipped) {

    public enum State {
        RUNNING, DONE, FAILED
    }

    public record TopicProgress(String topic, long read, long total) {
    }

    public long read() {
        return topics.stream().mapToLong(TopicProgress::read).sum();
    }

    public long total() {
        return topics.stream().mapToLong(TopicProgress::total).sum();
    }

    /** Events read per second, from the start to the end (or to the latest batch, while it runs). */
    public double eventsPerSecond() {
        Instant until = finishedAt != null ? finishedAt : heartbeatAt;
        double seconds = Duration.between(startedAt, until).toNanos() / 1e9;
        return seconds <= 0 ? 0 : read() / seconds;
    }
}
