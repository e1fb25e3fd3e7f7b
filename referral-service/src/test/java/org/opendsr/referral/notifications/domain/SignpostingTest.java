package org.opendsr.referral.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.referral.DeclineReason;

/** Which text the outcome message carries: the area's own for the reason, else the default; the crisis line to the person's side. */
class SignpostingTest {

    private static final String CRISIS = "Call NHS 111 and select option 2, or 999 in an emergency.";

    private final Signposting signposting = new Signposting(CRISIS,
            Map.of(DeclineReason.MAIN_NEED_IS_AN_EHCP, "Ask the local SEND service.",
                    DeclineReason.WANTS_TO_SKIP_WAITING_LIST, "Stay on the waiting list."),
            Map.of("SWINDON", Map.of(DeclineReason.MAIN_NEED_IS_AN_EHCP, "Ask Swindon's SEND service.")));

    @Test
    void anAreasOwnTextReplacesTheDefault() {
        assertThat(signposting.forDecline(DeclineReason.MAIN_NEED_IS_AN_EHCP, "SWINDON", false))
                .isEqualTo("Ask Swindon's SEND service.");
        assertThat(signposting.forDecline(DeclineReason.MAIN_NEED_IS_AN_EHCP, "WILTSHIRE", false))
                .isEqualTo("Ask the local SEND service.");
        assertThat(signposting.forDecline(DeclineReason.MAIN_NEED_IS_AN_EHCP, null, false))
                .isEqualTo("Ask the local SEND service.");
        assertThat(signposting.forDecline(DeclineReason.WANTS_TO_SKIP_WAITING_LIST, "SWINDON", false))
                .isEqualTo("Stay on the waiting list.");
    }

    @Test
    void thePersonsSideIsAlwaysGivenTheCrisisLineAndAProfessionalIsNot() {
        assertThat(signposting.forDecline(DeclineReason.MAIN_NEED_IS_AN_EHCP, "SWINDON", true))
                .isEqualTo("Ask Swindon's SEND service. " + CRISIS);
        assertThat(signposting.forDecline(DeclineReason.OTHER, "SWINDON", true)).isEqualTo(CRISIS);
        assertThat(signposting.forDecline(DeclineReason.OTHER, "SWINDON", false)).isEmpty();
        assertThat(signposting.forThePersonsSide()).isEqualTo(CRISIS);
    }

    @Test
    void everyDeclineReasonHasPlainWords() {
        for (DeclineReason reason : DeclineReason.values()) {
            assertThat(DeclineReasonInPlainWords.of(reason)).as(reason.name()).isNotBlank().doesNotContain("_");
        }
    }
}
