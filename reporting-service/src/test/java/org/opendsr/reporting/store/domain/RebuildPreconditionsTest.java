package org.opendsr.reporting.store.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RebuildPreconditionsTest {

    private static final List<String> TOPICS = List.of("dsr.referral.events", "dsr.consent.events", "dsr.risk.events",
            "dsr.meeting.events");

    @Test
    void everyPartitionStartingAtZeroLetsTheRebuildGoOn() {
        assertThat(RebuildPreconditions.topicNotFromItsBeginning(TOPICS, Map.of("dsr.referral.events", 0L,
                "dsr.consent.events", 0L, "dsr.risk.events", 0L, "dsr.meeting.events", 0L))).isEmpty();
        assertThat(RebuildPreconditions.topicNotFromItsBeginning(TOPICS, Map.of())).as("no partitions").isEmpty();
    }

    @Test
    void aTopicWhoseFirstEventsRetentionDeletedIsNamed() {
        assertThat(RebuildPreconditions.topicNotFromItsBeginning(TOPICS, Map.of("dsr.referral.events", 0L,
                "dsr.consent.events", 0L, "dsr.risk.events", 1200L, "dsr.meeting.events", 7L)))
                .contains("dsr.risk.events");
    }
}
