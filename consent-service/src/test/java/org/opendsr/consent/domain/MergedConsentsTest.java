package org.opendsr.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.consent.domain.ConsentExamples.TODAY;
import static org.opendsr.consent.domain.ConsentExamples.anAdult;
import static org.opendsr.consent.domain.ConsentExamples.informedConsent;
import static org.opendsr.consent.domain.ConsentExamples.recorded;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 16: after two records of one person are merged, one open consent, the one given later. */
class MergedConsentsTest {

    @Test
    void whenBothRecordsHadAnOpenConsentTheOneGivenLaterStaysOpenAndTheOtherIsSupersededNamingIt() {
        Consent earlier = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(6)));
        Consent later = recorded(anAdult(), informedConsent().givenOn(TODAY.minusDays(2)));

        Optional<Consent> closed = MergedConsents.closeTheEarlier(Optional.of(later), Optional.of(earlier), TODAY);

        assertThat(closed).containsSame(earlier);
        assertThat(earlier.state()).isEqualTo(ConsentState.SUPERSEDED_BY_MERGE);
        assertThat(earlier.snapshot().renewedBy()).isEqualTo(later.id());
        assertThat(earlier.snapshot().renewedOn()).isEqualTo(TODAY);
        assertThat(later.state()).isEqualTo(ConsentState.ACTIVE);
    }

    @Test
    void theSurvivorsConsentIsSupersededWhenTheDuplicatesWasGivenLater() {
        Consent survivors = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(3)));
        Consent duplicates = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(1)));

        assertThat(MergedConsents.closeTheEarlier(Optional.of(duplicates), Optional.of(survivors), TODAY))
                .containsSame(survivors);
        assertThat(duplicates.state().isOpen()).isTrue();
    }

    @Test
    void nothingClosesWhenOnlyOneRecordHadAnOpenConsent() {
        Consent only = recorded(anAdult(), informedConsent());

        assertThat(MergedConsents.closeTheEarlier(Optional.of(only), Optional.empty(), TODAY)).isEmpty();
        assertThat(MergedConsents.closeTheEarlier(Optional.empty(), Optional.of(only), TODAY)).isEmpty();
        assertThat(only.state()).isEqualTo(ConsentState.ACTIVE);
    }

    @Test
    void aSupersededConsentIsClosedForGoodAndCannotBeWithdrawn() {
        Consent earlier = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(6)));
        Consent later = recorded(anAdult(), informedConsent());
        MergedConsents.closeTheEarlier(Optional.of(earlier), Optional.of(later), TODAY);

        assertThat(earlier.state().isOpen()).isFalse();
        assertThatThrownBy(() -> earlier.withdraw(new Withdrawal(TODAY, org.opendsr.contracts.consent.ConsentWithdrawalReason.PERSON_WITHDREW, null, "dsr-team-1"), TODAY))
                .isInstanceOf(org.opendsr.kit.rules.RuleBroken.class).hasMessageContaining(later.id().toString());
    }
}
