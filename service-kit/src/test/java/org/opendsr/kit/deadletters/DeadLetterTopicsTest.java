package org.opendsr.kit.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.Topics;

/** The dead-letter office reads the dead-letter topics of what the service reads, and nothing else. */
class DeadLetterTopicsTest {

    private final Pattern read = DeadLetterIntake.deadLetterTopicsOf(List.of(Topics.REFERRAL_EVENTS),
            List.of(Topics.AGENCY_INBOUND_PATTERN));

    @Test
    void theDeadLetterTopicsOfItsTopicsAndOfEveryAgencysInboundTopic() {
        assertThat(read.matcher("dsr.referral.events.dlt").matches()).isTrue();
        assertThat(read.matcher("dsr.agency.inbound.wiltshire-council.dlt").matches()).isTrue();
        assertThat(read.matcher("dsr.agency.inbound.a-new-agency.dlt").matches()).isTrue();
    }

    @Test
    void notTheTopicsThemselvesNorAnyoneElsesDeadLetters() {
        assertThat(read.matcher("dsr.referral.events").matches()).isFalse();
        assertThat(read.matcher("dsr.agency.inbound.wiltshire-council").matches()).isFalse();
        assertThat(read.matcher("dsr.consent.events.dlt").matches()).isFalse();
        assertThat(read.matcher("dsr.referralXevents.dlt").matches()).isFalse();
        assertThat(read.matcher("dsr.agency.inbound.wiltshire-council.dlt.dlt").matches()).isFalse();
    }

    @Test
    void aServiceThatReadsNothingReadsNoDeadLetters() {
        assertThat(DeadLetterIntake.deadLetterTopicsOf(List.of(), List.of())).isNull();
    }
}
