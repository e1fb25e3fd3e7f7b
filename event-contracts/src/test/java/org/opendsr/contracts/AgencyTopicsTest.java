package org.opendsr.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Each agency's own inbound topic, and a pattern that matches those and never their dead-letter topics. */
class AgencyTopicsTest {

    private final Pattern inbound = Pattern.compile(Topics.AGENCY_INBOUND_PATTERN);

    @Test
    void anAgencysTopicIsNamedByItsId() {
        assertThat(Topics.agencyInbound("wiltshire-council")).isEqualTo("dsr.agency.inbound.wiltshire-council");
        assertThat(Topics.agencyOf("dsr.agency.inbound.wiltshire-council")).contains("wiltshire-council");
        assertThatThrownBy(() -> Topics.agencyInbound("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.agencyInbound("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.agencyInbound("dlt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePatternMatchesEveryAgencysInboundTopicAndNothingElse() {
        assertThat(inbound.matcher("dsr.agency.inbound.wiltshire-council").matches()).isTrue();
        assertThat(inbound.matcher("dsr.agency.inbound.gwr-nhs-ft-2").matches()).isTrue();
        // Kafka matches the whole name: an agency's dead letters are never read back as its inbound events.
        assertThat(inbound.matcher("dsr.agency.inbound.wiltshire-council.dlt").matches()).isFalse();
        assertThat(inbound.matcher("dsr.agency.inbound").matches()).isFalse();
        assertThat(inbound.matcher("dsr.agency.inbound.dlt.x").matches()).isFalse();
        assertThat(inbound.matcher("dsr.agency.inbound.dlt").matches()).as("the old shared DLT").isFalse();
        assertThat(inbound.matcher("dsr.agency.inbound.dlt-team").matches()).isTrue();
        assertThat(inbound.matcher("dsr.agency.inboundXwiltshire").matches()).isFalse();
        assertThat(Topics.agencyOf("dsr.agency.inbound.wiltshire-council.dlt")).isEmpty();
        assertThat(Topics.agencyOf("dsr.referral.events")).isEmpty();
    }
}
