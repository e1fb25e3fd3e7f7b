package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A referral links to the person held under its NHS number only when the date of birth agrees too. */
class NhsNumberMatchTest {

    private static final LocalDate BORN = LocalDate.of(2010, 9, 23);

    @Test
    void theSameDateOfBirthIsTheSamePerson() {
        assertThat(NhsNumberMatch.isTheSamePerson(BORN, LocalDate.of(2010, 9, 23))).isTrue();
    }

    @Test
    void aDifferentDateOfBirthIsNotLinkedBecauseTheNhsNumberMayBeMistyped() {
        assertThat(NhsNumberMatch.isTheSamePerson(BORN, BORN.plusDays(1))).isFalse();
        assertThat(NhsNumberMatch.isTheSamePerson(BORN, BORN.minusYears(1))).isFalse();
    }

    @Test
    void aPersonHeldWithoutADateOfBirthYetCannotBeContradicted() {
        assertThat(NhsNumberMatch.isTheSamePerson(null, BORN)).isTrue();
    }

    @Test
    void theRefusalQuotesNoPersonalData() {
        assertThat(NhsNumberMatch.DIFFERS).doesNotContainPattern("\\d");
    }
}
