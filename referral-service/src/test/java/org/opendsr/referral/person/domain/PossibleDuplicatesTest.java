package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * One person per NHS number. Without a shared NHS number the same name and date of birth may still be one person:
 * flagged for the DSR team, never merged silently.
 */
class PossibleDuplicatesTest {

    private static final LocalDate BORN = LocalDate.of(2010, 9, 23);

    private static PossibleDuplicates.Candidate person(String given, String family, LocalDate born, String nhsNumber) {
        return new PossibleDuplicates.Candidate(UUID.randomUUID(), given, family, born, nhsNumber);
    }

    @Test
    void sameNameAndDateOfBirthWithoutAnNhsNumberIsFlagged() {
        PossibleDuplicates.Candidate known = person("Perpetua", "Wolstenholme", BORN, "9990000026");
        PossibleDuplicates.Candidate newcomer = person("Perpetua", "Wolstenholme", BORN, null);

        assertThat(PossibleDuplicates.of(newcomer, List.of(known))).containsExactly(known.personId());
    }

    @Test
    void sameNameAndDateOfBirthWithDifferentNhsNumbersIsFlaggedBecauseOneMayBeMistyped() {
        assertThat(PossibleDuplicates.likelyTheSamePerson(person("Perpetua", "Wolstenholme", BORN, "9990000026"),
                person("Perpetua", "Wolstenholme", BORN, "9990000018"))).isTrue();
    }

    @Test
    void theSameNhsNumberIsTheSamePersonAndIsLinkedNotFlagged() {
        assertThat(PossibleDuplicates.likelyTheSamePerson(person("Perpetua", "Wolstenholme", BORN, "9990000026"),
                person("Perpetua", "Wolstenholme", BORN, "9990000026"))).isFalse();
    }

    @Test
    void caseAccentsSpacesHyphensAndApostrophesDoNotTellPeopleApart() {
        PossibleDuplicates.Candidate known = person("Zoë", "O'Brien-Smith", BORN, null);

        assertThat(PossibleDuplicates.likelyTheSamePerson(known, person("zoe", "OBRIEN SMITH", BORN, null))).isTrue();
        assertThat(PossibleDuplicates.likelyTheSamePerson(known, person(" Zoe ", "O’Brien Smith", BORN, null))).isTrue();
    }

    @Test
    void aDifferentNameOrDateOfBirthIsSomeoneElse() {
        PossibleDuplicates.Candidate known = person("Perpetua", "Wolstenholme", BORN, null);

        assertThat(PossibleDuplicates.likelyTheSamePerson(known, person("Petra", "Wolstenholme", BORN, null))).isFalse();
        assertThat(PossibleDuplicates.likelyTheSamePerson(known, person("Perpetua", "Wolstenholm", BORN, null))).isFalse();
        assertThat(PossibleDuplicates.likelyTheSamePerson(known, person("Perpetua", "Wolstenholme", BORN.plusDays(1), null)))
                .isFalse();
    }

    @Test
    void withoutADateOfBirthNothingIsFlagged() {
        PossibleDuplicates.Candidate firstContact = person("Perpetua", "Wolstenholme", null, null);

        assertThat(PossibleDuplicates.of(firstContact, List.of(person("Perpetua", "Wolstenholme", BORN, null)))).isEmpty();
    }

    @Test
    void aPersonIsNotTheirOwnDuplicateAndTheirDataIsNeverPrinted() {
        PossibleDuplicates.Candidate self = person("Perpetua", "Wolstenholme", BORN, null);

        assertThat(PossibleDuplicates.of(self, List.of(self))).isEmpty();
        assertThat(self.toString()).doesNotContain("Perpetua").doesNotContain("Wolstenholme").doesNotContain("2010");
    }
}
