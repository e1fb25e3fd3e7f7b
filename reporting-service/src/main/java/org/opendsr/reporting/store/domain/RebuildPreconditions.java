package org.opendsr.reporting.store.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a rebuild from the topics needs before it empties anything. */
public final class RebuildPreconditions {

    private RebuildPreconditions() {
    }

    /**
     * The first of the topics (in their order) a partition of which no longer starts at offset 0: retention has deleted
     * its first events, and a rebuild would lose them. {@code firstOffsets}: per topic, the highest first offset of its
     * partitions (a topic missing from it is taken as complete: it has no partition to read).
     */
    public static Optional<String> topicNotFromItsBeginning(List<String> topics, Map<String, Long> firstOffsets) {
        return topics.stream().filter(topic -> firstOffsets.getOrDefault(topic, 0L) > 0).findFirst();
    }
}
