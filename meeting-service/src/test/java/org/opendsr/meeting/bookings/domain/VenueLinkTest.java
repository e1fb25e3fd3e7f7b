package org.opendsr.meeting.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/** A venue's link follows meeting-service's one https rule (shared domain HttpsLink). */
class VenueLinkTest {

    @Test
    void anUppercaseSchemeIsWrittenLowercaseAndCredentialsInALinkAreRefused() {
        assertThat(Venue.of("HTTPS://meet.example.nhs.uk/ctr", null).onlineLink())
                .isEqualTo("https://meet.example.nhs.uk/ctr");
        assertThatThrownBy(() -> Venue.of("https://user:pw@meet.example.nhs.uk/ctr", null))
                .isInstanceOf(RuleBroken.class).extracting(e -> ((RuleBroken) e).field()).isEqualTo("onlineLink");
    }
}
