package org.opendsr.contracts.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one mapping of which reviews meet which obligation, shared by risk-service and meeting-service. */
class ObligationKindTest {

    @Test
    void everyKindSaysWhichReviewsMeetItTheUsualOneFirst() {
        assertThat(ObligationKind.COMMUNITY_CTR.reviews()).containsExactly(ReviewType.COMMUNITY_CTR, ReviewType.LAEP);
        assertThat(ObligationKind.MULTI_AGENCY_REVIEW.reviews())
                .containsExactly(ReviewType.MULTI_AGENCY_MEETING, ReviewType.COMMUNITY_CTR);
        assertThat(ObligationKind.POST_ADMISSION_CTR.reviews()).containsExactly(ReviewType.POST_ADMISSION_CTR);
        assertThat(ObligationKind.INPATIENT_CTR.reviews()).containsExactly(ReviewType.INPATIENT_CTR);
        assertThat(ObligationKind.COMMISSIONER_OVERSIGHT_VISIT.reviews()).containsExactly(ReviewType.OVERSIGHT_VISIT);
        assertThat(ObligationKind.CTR_PARTNERS.reviews()).isEmpty();
        assertThat(ObligationKind.KEYWORKER_REFERRAL.reviews()).isEmpty();
    }

    @Test
    void metByAcceptsOnlyThoseReviews() {
        assertThat(ObligationKind.COMMUNITY_CTR.metBy(ReviewType.LAEP)).isTrue();
        assertThat(ObligationKind.INPATIENT_CTR.metBy(ReviewType.COMMUNITY_CTR)).isFalse();
        assertThat(ObligationKind.CTR_PARTNERS.metBy(ReviewType.COMMUNITY_CTR)).isFalse();
        assertThat(ObligationKind.COMMUNITY_CTR.metBy(null)).isFalse();
    }
}
