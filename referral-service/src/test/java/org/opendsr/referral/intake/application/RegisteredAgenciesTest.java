package org.opendsr.referral.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/** An agency is the registered agency whose own topic a record arrived on, and its source must say so. */
class RegisteredAgenciesTest {

    private final RegisteredAgencies agencies = new RegisteredAgencies(List.of("wiltshire-council", "swindon-borough-council"));

    @Test
    void theSenderIsTheAgencyOfTheTopicWhenItsSourceNamesIt() {
        assertThat(agencies.sender("dsr.agency.inbound.wiltshire-council", "/agency/wiltshire-council").id())
                .isEqualTo("wiltshire-council");
        assertThat(agencies.sender("dsr.agency.inbound.swindon-borough-council", "/agency/swindon-borough-council")
                .source()).isEqualTo("/agency/swindon-borough-council");
    }

    @Test
    void aSourceNamingAnotherAgencyIsRefused() {
        assertThatThrownBy(() -> agencies.sender("dsr.agency.inbound.swindon-borough-council", "/agency/wiltshire-council"))
                .isInstanceOf(RuleBroken.class).hasMessage(RegisteredAgencies.NOT_THIS_AGENCY);
        assertThatThrownBy(() -> agencies.sender("dsr.agency.inbound.wiltshire-council", "wiltshire council"))
                .isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> agencies.sender("dsr.agency.inbound.wiltshire-council", null))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void aTopicThatIsNoRegisteredAgencysIsRefused() {
        for (String topic : List.of("dsr.agency.inbound.somebody-else", "dsr.agency.inbound",
                "dsr.agency.inbound.wiltshire-council.dlt", "dsr.referral.events")) {
            assertThatThrownBy(() -> agencies.sender(topic, "/agency/wiltshire-council")).as(topic)
                    .isInstanceOf(RuleBroken.class)
                    .hasMessage("this topic belongs to no registered agency (dsr.referral.agencies)");
        }
        assertThatThrownBy(() -> agencies.sender(null, "/agency/wiltshire-council")).isInstanceOf(RuleBroken.class);
    }

    @Test
    void anAgencyIdMustBeUsableAsATopicAndUserName() {
        assertThatThrownBy(() -> new RegisteredAgencies(List.of("Wiltshire Council")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegisteredAgencies(List.of("wiltshire.council")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
