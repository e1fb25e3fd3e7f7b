package org.opendsr.referral.register.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.domain.Person;

/** The daily turning-18 run, against in-memory ports; the clock is on Monday 2 March 2026. */
class NoticingEighteenthBirthdaysTest {

    private static final MinimumDataSet FIRST_WORDS_ONLY = null;

    private final UseCases dsr = new UseCases();

    private Person bornOn(LocalDate born, Instant recordedAt) {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", born, null, "SN1 1AA", "SWINDON", null,
                null, null, null, null, null, recordedAt);
        dsr.people.add(person);
        return person;
    }

    /** Someone a professional referred: announced to the other services at once. */
    private Person referredBorn(LocalDate born, Instant recordedAt) {
        Person person = bornOn(born, recordedAt);
        dsr.referrals.add(Referral.received(UUID.randomUUID(), person.id(), ReferralRoute.PROFESSIONAL,
                new MinimumDataSet("Reason", "Issues", null, null, null), "gp-1", "Old Town Surgery",
                new FirstContactDeadline(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 17)), recordedAt, null));
        return person;
    }

    @Test
    void someoneKnownAsAChildIsAnnouncedOnceTwoMonthsAheadWithTheMonthOnly() {
        // 2 March: May's 18th birthdays are announced (from 1 March), June's wait for 1 April.
        Person turning = referredBorn(LocalDate.of(2008, 5, 25), Instant.parse("2025-01-10T10:00:00Z"));
        referredBorn(LocalDate.of(2008, 6, 1), Instant.parse("2025-01-10T10:00:00Z"));

        NoticingEighteenthBirthdays.Run first = dsr.eighteenthBirthdays.run();
        NoticingEighteenthBirthdays.Run again = dsr.eighteenthBirthdays.run();

        assertThat(first.turning18()).as("two months ahead of the month they turn 18").isEqualTo(1);
        assertThat(again.turning18()).as("a milestone is announced once").isZero();
        PersonTurning18 event = dsr.outbox.only(EventTypes.PERSON_TURNING_18_V1, PersonTurning18.class);
        assertThat(event.personId()).isEqualTo(turning.id());
        assertThat(event.turns18In()).isEqualTo("2026-05");
        assertThat(event.consentRenewalDueBy()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(dsr.outbox.types()).doesNotContain(EventTypes.PERSON_TURNED_18_V1);
        assertThat(dsr.audit.of(turning.id())).containsExactly("READ date of birth: turning 18 (the month announced)");
    }

    @Test
    void someoneFirstRecordedAsAnAdultIsNotAnnounced() {
        referredBorn(LocalDate.of(2008, 1, 1), Instant.parse("2026-02-01T10:00:00Z"));

        assertThat(dsr.eighteenthBirthdays.run().turning18()).isZero();
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void someoneWhoseSelfOrFamilyReferralWasNeverCompletedIsNotAnnouncedNorRecordedAsAnnounced() {
        Person unknownElsewhere = bornOn(LocalDate.of(2008, 3, 20), Instant.parse("2025-01-10T10:00:00Z"));
        Referral firstContact = Referral.received(UUID.randomUUID(), unknownElsewhere.id(),
                ReferralRoute.SELF_OR_FAMILY, FIRST_WORDS_ONLY, "dsr-team-1", null,
                new FirstContactDeadline(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 17)),
                Instant.parse("2025-01-10T10:00:00Z"), null);
        dsr.referrals.add(firstContact);

        assertThat(dsr.eighteenthBirthdays.run().turning18()).isZero();
        assertThat(dsr.outbox.types()).isEmpty();

        // Completed: announced to the other services, so its turning 18 is announced at the next run.
        firstContact.complete(new MinimumDataSet("Reason", "Issues", null, null, null));
        dsr.referrals.save(firstContact);
        assertThat(dsr.eighteenthBirthdays.run().turning18()).isEqualTo(1);
        assertThat(dsr.outbox.only(EventTypes.PERSON_TURNING_18_V1, PersonTurning18.class).turns18In())
                .isEqualTo("2026-03");
    }
}
