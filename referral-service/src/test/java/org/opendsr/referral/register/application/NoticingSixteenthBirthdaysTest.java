package org.opendsr.referral.register.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.PersonTurned16;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.domain.Person;

/** The daily turned-16 run, against in-memory ports; the clock is on Monday 2 March 2026. */
class NoticingSixteenthBirthdaysTest {

    private static final Instant LAST_YEAR = Instant.parse("2025-01-10T10:00:00Z");

    private final UseCases dsr = new UseCases();

    private Person bornOn(LocalDate born, Instant recordedAt) {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", born, null, "SN1 1AA", "SWINDON", null,
                null, null, null, null, null, recordedAt);
        dsr.people.add(person);
        // Referred by a professional: known to the other services, so their birthdays are announced.
        dsr.referrals.add(Referral.received(UUID.randomUUID(), person.id(), ReferralRoute.PROFESSIONAL,
                new MinimumDataSet("Reason", "Issues", null, null, null), "gp-1", "Old Town Surgery",
                new FirstContactDeadline(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 17)), recordedAt, null));
        return person;
    }

    @Test
    void someoneWhoTurned16LastMonthIsAnnouncedOnceWithTheMonthOnly() {
        Person turned = bornOn(LocalDate.of(2010, 2, 25), LAST_YEAR);

        NoticingSixteenthBirthdays.Run first = dsr.sixteenthBirthdays.run();
        NoticingSixteenthBirthdays.Run again = dsr.sixteenthBirthdays.run();

        assertThat(first.turned16()).isEqualTo(1);
        assertThat(again.turned16()).as("a milestone is announced once").isZero();
        PersonTurned16 event = dsr.outbox.only(EventTypes.PERSON_TURNED_16_V1, PersonTurned16.class);
        assertThat(event.personId()).isEqualTo(turned.id());
        assertThat(event.turned16In()).isEqualTo("2026-02");
        assertThat(event.certainly16From()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(dsr.audit.of(turned.id())).containsExactly("READ date of birth: turned 16 last month or earlier");
    }

    @Test
    void someoneTurning16ThisMonthWaitsForTheNext() {
        bornOn(LocalDate.of(2010, 3, 1), LAST_YEAR);
        bornOn(LocalDate.of(2010, 3, 2), LAST_YEAR);

        assertThat(dsr.sixteenthBirthdays.run().turned16()).isZero();
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void someone16Or17NotYetAnnouncedIsCaughtUpAndAnAdultIsNot() {
        Person seventeen = bornOn(LocalDate.of(2008, 3, 3), Instant.parse("2026-03-02T09:00:00Z"));
        bornOn(LocalDate.of(2008, 3, 2), LAST_YEAR);

        assertThat(dsr.sixteenthBirthdays.run().turned16()).isEqualTo(1);
        assertThat(dsr.outbox.only(EventTypes.PERSON_TURNED_16_V1, PersonTurned16.class))
                .isEqualTo(new PersonTurned16(seventeen.id(), "2024-03"));
    }
}
