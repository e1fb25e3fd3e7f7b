package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A referral's details that differ from the record are kept for the DSR team, not written over the record. */
class DetailsToReviewTest {

    @Test
    void aDifferentAddressOrDiagnosisIsKeptForReview() {
        Map<String, String> held = Map.of("postcode", "SN1 2JH", "address.line1", "14 Example Street",
                "diagnosis", "AUTISM_ASSESSMENT_PATHWAY");
        Map<String, String> referred = Map.of("postcode", "BA2 7AY", "address.line1", "14 Example Street",
                "diagnosis", "AUTISM");

        assertThat(DetailsToReview.of(held, referred))
                .containsExactlyInAnyOrderEntriesOf(Map.of("postcode", "BA2 7AY", "diagnosis", "AUTISM"));
    }

    @Test
    void caseAndSpacingAreNotDifferences() {
        assertThat(DetailsToReview.of(Map.of("address.town", "Swindon", "familyName", "O'Brien-Smith"),
                Map.of("address.town", "  SWINDON ", "familyName", "obrien smith"))).isEmpty();
    }

    @Test
    void aChangedNameIsKeptForReview() {
        assertThat(DetailsToReview.of(Map.of("familyName", "Wolstenholme"), Map.of("familyName", "Brackenbury")))
                .containsEntry("familyName", "Brackenbury");
    }

    @Test
    void whatTheReferralLeavesOutOrTheRecordLacksIsNotADifference() {
        Map<String, String> referred = new HashMap<>();
        referred.put("address.line2", null);
        referred.put("address.town", " ");
        referred.put("demographics.ethnicCategory", "A");
        Map<String, String> held = new HashMap<>();
        held.put("address.line2", "Flat 2");
        held.put("address.town", "Swindon");
        held.put("demographics.ethnicCategory", null);

        assertThat(DetailsToReview.of(held, referred)).isEmpty();
    }
}
