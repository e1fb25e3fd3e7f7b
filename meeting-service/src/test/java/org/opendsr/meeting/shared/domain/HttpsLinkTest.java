package org.opendsr.meeting.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.kit.rules.RuleBroken;

class HttpsLinkTest {

    @Test
    void aLinkIsStrippedAndItsSchemeWrittenLowercase() {
        assertThat(HttpsLink.checked("onlineLink", "  HTTPS://Meet.example.nhs.uk/Room-1 "))
                .isEqualTo("https://Meet.example.nhs.uk/Room-1");
        assertThat(HttpsLink.checked("onlineLink", "https://meet.example.nhs.uk/x?y=1"))
                .isEqualTo("https://meet.example.nhs.uk/x?y=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://meet.example.nhs.uk/x", "HTTP://meet.example.nhs.uk/x", "ftp://x", "not a link",
            "https:/no-host", "https://user:pw@meet.example.nhs.uk/x", "javascript:alert(1)", ""})
    void anythingButAnHttpsLinkIsRefusedNamingTheField(String link) {
        assertThatThrownBy(() -> HttpsLink.checked("venueLink", link)).isInstanceOf(RuleBroken.class)
                .extracting(e -> ((RuleBroken) e).field()).isEqualTo("venueLink");
    }

    @Test
    void aLinkIsAtMost500Characters() {
        String longLink = "https://meet.example.nhs.uk/" + "x".repeat(500);
        assertThatThrownBy(() -> HttpsLink.checked("onlineLink", longLink)).isInstanceOf(RuleBroken.class)
                .extracting(e -> ((RuleBroken) e).field()).isEqualTo("onlineLink");
    }
}
