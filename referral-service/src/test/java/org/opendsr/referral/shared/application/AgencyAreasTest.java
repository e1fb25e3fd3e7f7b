package org.opendsr.referral.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** dsr.referral.agency-areas: which area's DSR team an agency's reports about someone unknown go to (issue 14). */
class AgencyAreasTest {

    @Test
    void eachAgencyHasTheAreaItIsGiven() {
        ReferralSettings settings = new ReferralSettings();
        settings.setAgencyAreas(List.of("wiltshire-council=WILTSHIRE", " swindon-borough-council = SWINDON "));

        assertThat(settings.areaOfAgency("wiltshire-council")).contains("WILTSHIRE");
        assertThat(settings.areaOfAgency("swindon-borough-council")).contains("SWINDON");
        assertThat(settings.areaOfAgency("bath-council")).as("none: every area's team").isEmpty();
        assertThat(settings.getAgencyAreas()).contains("wiltshire-council=WILTSHIRE");
    }

    @Test
    void anEntryThatIsNotAgencyIdEqualsAreaIsRefusedAtStart() {
        for (String wrong : List.of("wiltshire-council", "Wiltshire Council=WILTSHIRE", "wiltshire-council=Wiltshire",
                "=WILTSHIRE", "wiltshire-council=WILTSHIRE=SWINDON")) {
            assertThatThrownBy(() -> new ReferralSettings().setAgencyAreas(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agency-id=AREA");
        }
    }
}
