package org.opendsr.referral.register.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.person.domain.Person;

/** The daily 18th-birthday run, against in-memory ports. */
class NoticingEighteenthBirthdaysTest {

    private final UseCases dsr = new UseCases();

    private Person bornOn(LocalDate born, Instant recordedAt) {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", born, null, "SN1 1AA", "SWINDON", null,
                null, null, null, null, null, recordedAt);
        dsr.people.add(person);
        return person;
    }

    @Test
    void someoneKnownBeforeTheir18thBirthdayIsAnnouncedOnceAsAnAdult() {
        Person turning = bornOn(LocalDate.of(2008, 3, 1), Instant.parse("2025-01-10T10:00:00Z"));
        bornOn(LocalDate.of(2009, 3, 1), Instant.parse("2025-01-10T10:00:00Z"));

        NoticingEighteenthBirthdays.Run first = dsr.eighteenthBirthdays.run();
        NoticingEighteenthBirthdays.Run again = dsr.eighteenthBirthdays.run();

        assertThat(first.turned18()).isEqualTo(1);
        assertThat(again.turned18()).as("a milestone is announced once").isZero();
        PersonTurned18 event = dsr.outbox.only(EventTypes.PERSON_TURNED_18_V1, PersonTurned18.class);
        assertThat(event.personId()).isEqualTo(turning.id());
        assertThat(event.lifeStage()).isEqualTo(LifeStage.ADULT);
        assertThat(dsr.audit.of(turning.id())).containsExactly("READ date of birth: turned 18");
    }

    @Test
    void someoneFirstRecordedAsAnAdultIsNotAnnounced() {
        bornOn(LocalDate.of(2008, 1, 1), Instant.parse("2026-02-01T10:00:00Z"));

        assertThat(dsr.eighteenthBirthdays.run().turned18()).isZero();
        assertThat(dsr.outbox.types()).isEmpty();
    }
}
