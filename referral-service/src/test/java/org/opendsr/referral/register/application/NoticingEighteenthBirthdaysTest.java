package org.opendsr.referral.register.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.person.domain.Person;

/** The daily turning-18 run, against in-memory ports; the clock is on Monday 2 March 2026. */
class NoticingEighteenthBirthdaysTest {

    private final UseCases dsr = new UseCases();

    private Person bornOn(LocalDate born, Instant recordedAt) {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", born, null, "SN1 1AA", "SWINDON", null,
                null, null, null, null, null, recordedAt);
        dsr.people.add(person);
        return person;
    }

    @Test
    void someoneKnownAsAChildIsAnnouncedOnceAsTurning18ThisMonthWithTheMonthOnly() {
        Person turning = bornOn(LocalDate.of(2008, 3, 25), Instant.parse("2025-01-10T10:00:00Z"));
        bornOn(LocalDate.of(2008, 4, 1), Instant.parse("2025-01-10T10:00:00Z"));

        NoticingEighteenthBirthdays.Run first = dsr.eighteenthBirthdays.run();
        NoticingEighteenthBirthdays.Run again = dsr.eighteenthBirthdays.run();

        assertThat(first.turning18()).as("before the birthday, in its month").isEqualTo(1);
        assertThat(again.turning18()).as("a milestone is announced once").isZero();
        PersonTurning18 event = dsr.outbox.only(EventTypes.PERSON_TURNING_18_V1, PersonTurning18.class);
        assertThat(event.personId()).isEqualTo(turning.id());
        assertThat(event.turns18In()).isEqualTo("2026-03");
        assertThat(event.consentRenewalDueBy()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(dsr.outbox.types()).doesNotContain(EventTypes.PERSON_TURNED_18_V1);
        assertThat(dsr.audit.of(turning.id())).containsExactly("READ date of birth: turning 18 this month");
    }

    @Test
    void someoneFirstRecordedAsAnAdultIsNotAnnounced() {
        bornOn(LocalDate.of(2008, 1, 1), Instant.parse("2026-02-01T10:00:00Z"));

        assertThat(dsr.eighteenthBirthdays.run().turning18()).isZero();
        assertThat(dsr.outbox.types()).isEmpty();
    }
}
