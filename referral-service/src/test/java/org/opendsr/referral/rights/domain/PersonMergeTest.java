package org.opendsr.referral.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.person.domain.Person;

/** Which of two records of one person survives a merge, and what they disagree on. */
class PersonMergeTest {

    private static final Instant EARLIER = Instant.parse("2024-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-06-01T09:00:00Z");

    private static final UUID OLDER = UUID.fromString("f0000000-0000-0000-0000-000000000001");
    private static final UUID NEWER = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void theOneOnTheRegisterSurvivesHoweverNewItIs() {
        PersonMerge.Outcome outcome = PersonMerge.survivorOf(new PersonMerge.Side(OLDER, EARLIER, false),
                new PersonMerge.Side(NEWER, LATER, true));

        assertThat(outcome).isEqualTo(new PersonMerge.Outcome(NEWER, OLDER));
    }

    @Test
    void neitherOnTheRegisterTheOlderRecordSurvivesInWhicheverOrderTheyCome() {
        PersonMerge.Side older = new PersonMerge.Side(OLDER, EARLIER, false);
        PersonMerge.Side newer = new PersonMerge.Side(NEWER, LATER, false);

        assertThat(PersonMerge.survivorOf(older, newer)).isEqualTo(new PersonMerge.Outcome(OLDER, NEWER));
        assertThat(PersonMerge.survivorOf(newer, older)).isEqualTo(new PersonMerge.Outcome(OLDER, NEWER));
    }

    @Test
    void recordedAtTheSameInstantTheLowerIdSurvivesSoTheRuleAlwaysGivesOneAnswer() {
        PersonMerge.Side one = new PersonMerge.Side(OLDER, EARLIER, false);
        PersonMerge.Side other = new PersonMerge.Side(NEWER, EARLIER, false);

        assertThat(PersonMerge.survivorOf(one, other).survivor()).isEqualTo(NEWER);
        assertThat(PersonMerge.survivorOf(other, one).survivor()).isEqualTo(NEWER);
    }

    @Test
    void bothOnTheRegisterIsAConflictForTheDsrTeamNotAMerge() {
        Throwable refused = catchThrowable(() -> PersonMerge.survivorOf(new PersonMerge.Side(OLDER, EARLIER, true),
                new PersonMerge.Side(NEWER, LATER, true)));

        assertThat(refused).isInstanceOf(RuleBroken.class);
        assertThat(((RuleBroken) refused).kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
        assertThat(((RuleBroken) refused).problem()).isEqualTo("both-on-the-register");
    }

    @Test
    void aRecordIsNotMergedWithItself() {
        Throwable refused = catchThrowable(() -> PersonMerge.survivorOf(new PersonMerge.Side(OLDER, EARLIER, false),
                new PersonMerge.Side(OLDER, EARLIER, false)));

        assertThat(((RuleBroken) refused).problem()).isEqualTo("same-record");
    }

    @Test
    void detailsThatDifferAndDetailsOnlyTheMergedRecordHoldsAreConflictsTheSurvivorsStandUntilSettled() {
        Person survivor = person(OLDER, "Ottoline", "Quince", LocalDate.of(2008, 4, 2), null, "SN1 1AA", "SWINDON",
                "1 Elm Row", null, null);
        Person merged = person(NEWER, " ottoline", "Quince", LocalDate.of(2008, 4, 2), "9434765919", "SN2 2BB",
                "SWINDON", "2 Oak Row", "AUTISM", "  ");

        List<PersonMerge.Difference> differences = PersonMerge.differences(survivor, merged);

        assertThat(differences).extracting(PersonMerge.Difference::field).containsExactly(MergeField.GIVEN_NAME,
                MergeField.NHS_NUMBER, MergeField.ADDRESS, MergeField.DIAGNOSIS);
        assertThat(differences.get(1).survivorValue()).isNull();
        assertThat(differences.get(1).mergedValue()).isEqualTo("9434765919");
        assertThat(differences.get(2).survivorValue()).isEqualTo("1 Elm Row, SN1 1AA (SWINDON)");
        assertThat(differences.get(2).mergedValue()).isEqualTo("2 Oak Row, SN2 2BB (SWINDON)");
        assertThat(differences.toString()).doesNotContain("9434765919").doesNotContain("Oak");
    }

    @Test
    void whatOnlyTheSurvivorHoldsOrBothHoldAlikeIsNoConflict() {
        Person survivor = person(OLDER, "Ottoline", "Quince", LocalDate.of(2008, 4, 2), "9434765919", "SN1 1AA",
                "SWINDON", "1 Elm Row", "AUTISM", "A");
        Person merged = person(NEWER, "Ottoline", "Quince", LocalDate.of(2008, 4, 2), null, "SN1 1AA", "SWINDON",
                "1 Elm Row", null, null);

        assertThat(PersonMerge.differences(survivor, merged)).isEmpty();
    }

    @Test
    void fieldsAreNamedAsRequestsSpellThem() {
        assertThat(MergeField.NHS_NUMBER.fieldName()).isEqualTo("nhsNumber");
        assertThat(MergeField.GIVEN_NAME.fieldName()).isEqualTo("givenName");
        assertThat(MergeField.ADDRESS.fieldName()).isEqualTo("address");
    }

    private static Person person(UUID id, String givenName, String familyName, LocalDate dateOfBirth,
                                 String nhsNumber, String postcode, String locality, String line1, String diagnosis,
                                 String ethnicCategory) {
        return new Person(id, givenName, familyName, dateOfBirth, nhsNumber, postcode, locality, line1, null, null,
                ethnicCategory, null, diagnosis, EARLIER, EARLIER);
    }
}
