package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A person's record takes in what a referral adds, and only that. */
class PersonTest {

    private static final Instant RECORDED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant REFERRED = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate BORN = LocalDate.of(2010, 5, 14);

    private static Person firstContactOnly() {
        return Person.recorded(UUID.randomUUID(), "Sam", "Example", null, null, "SN1 1AA", null, null, null, null,
                null, null, null, RECORDED);
    }

    @Test
    void aReferralFillsWhatAFirstContactLacked() {
        Person person = firstContactOnly();

        var changes = person.fillGapsFrom(BORN, "SN1 1AA", "1 High Street", null, "Swindon", "SWINDON", "A", null,
                "AUTISM", REFERRED);

        assertThat(changes).hasSize(4);
        assertThat(person.dateOfBirth()).isEqualTo(BORN);
        assertThat(person.addressLine1()).isEqualTo("1 High Street");
        assertThat(person.locality()).isEqualTo("SWINDON");
        assertThat(person.ethnicCategory()).isEqualTo("A");
        assertThat(person.diagnosis()).isEqualTo("AUTISM");
        assertThat(person.updatedAt()).isEqualTo(REFERRED);
    }

    @Test
    void addressLinesAtAnotherPostcodeAreNotMixedIn() {
        Person person = firstContactOnly();

        person.fillGapsFrom(null, "BA1 1AA", "2 Low Road", null, "Bath", "SWINDON", null, null, null, REFERRED);

        assertThat(person.addressLine1()).isNull();
        assertThat(person.town()).isNull();
        assertThat(person.postcode()).isEqualTo("SN1 1AA");
        assertThat(person.locality()).as("a locality is not part of the address lines").isEqualTo("SWINDON");
    }

    @Test
    void whatTheRecordHoldsIsNeverWrittenOver() {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", BORN, null, "SN1 1AA", "SWINDON",
                "1 High Street", null, "Swindon", "A", "1", "AUTISM", RECORDED);

        var changes = person.fillGapsFrom(BORN.plusDays(1), "SN1 1AA", "9 Other Street", "Flat 2", "Elsewhere",
                "WILTSHIRE", "B", "2", "LEARNING_DISABILITY", REFERRED);

        assertThat(changes).as("only the empty second line is filled").singleElement()
                .isInstanceOf(PersonChange.AddressChanged.class);
        assertThat(person.dateOfBirth()).isEqualTo(BORN);
        assertThat(person.addressLine1()).isEqualTo("1 High Street");
        assertThat(person.addressLine2()).isEqualTo("Flat 2");
        assertThat(person.locality()).isEqualTo("SWINDON");
        assertThat(person.diagnosis()).isEqualTo("AUTISM");
    }

    @Test
    void aReferralThatAddsNothingChangesNothing() {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", BORN, null, "SN1 1AA", "SWINDON",
                null, null, null, null, null, null, RECORDED);

        assertThat(person.fillGapsFrom(BORN, "SN1 1AA", "  ", null, null, null, null, null, null, REFERRED)).isEmpty();
        assertThat(person.updatedAt()).isEqualTo(RECORDED);
    }
}
