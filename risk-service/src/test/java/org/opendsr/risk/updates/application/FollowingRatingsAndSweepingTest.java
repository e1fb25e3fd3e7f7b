package org.opendsr.risk.updates.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.BLUE;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.UpdateOverdue;
import org.opendsr.risk.shared.application.PersonFacts;
import org.opendsr.risk.shared.domain.RatingCause;
import org.opendsr.risk.shared.application.RatingChange;
import org.opendsr.risk.updates.domain.CadenceRating;
import org.opendsr.risk.updates.domain.UpdateCadence;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/**
 * The updates box follows the rating (DOMAIN.md "Risk rating", updates box: at least every 14 days for RED and AMBER,
 * every month for GREEN; overdue updates are flagged) and the sweep announces each missed date once.
 */
class FollowingRatingsAndSweepingTest {

    private static final UUID PERSON = UUID.fromString("0d5f3c2a-0000-4000-8000-000000000041");
    private static final PersonFacts ADULT = new PersonFacts(LifeStage.ADULT, false, null);
    private static final PersonFacts CHILD = new PersonFacts(LifeStage.CHILD, true, null);

    private final InMemoryUpdatePorts.Schedules schedules = new InMemoryUpdatePorts.Schedules();
    private final InMemoryUpdatePorts.Areas areas = new InMemoryUpdatePorts.Areas();
    private final InMemoryUpdatePorts.Outbox outbox = new InMemoryUpdatePorts.Outbox();
    private final UpdateCadence cadence = new UpdateCadence(UpdateCadence.defaultPeriods(),
            Map.of("NORTH", Map.of(CadenceRating.GREEN, Period.ofDays(14))));
    private final UpdatesFollowingRatings following = new UpdatesFollowingRatings(schedules, areas, cadence);
    private final SweepingOverdueUpdates sweeping = new SweepingOverdueUpdates(schedules, outbox);

    private static Instant noonOn(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }

    private void rated(RagRating rating, RagRating previous, String on, PersonFacts facts) {
        following.ratingChanged(new RatingChange(PERSON, rating, previous, noonOn(on), LocalDate.parse(on),
                RatingCause.DECIDED, facts));
    }

    private UpdateSchedule schedule() {
        return schedules.find(PERSON).orElseThrow();
    }

    @Test
    void aFirstRatingStartsTheScheduleWithItsCadence() {
        rated(AMBER, null, "2026-12-01", ADULT);

        assertThat(schedule().cadence()).isEqualTo(Period.ofDays(14));
        assertThat(schedule().nextDueOn()).isEqualTo(LocalDate.parse("2026-12-15"));
    }

    @Test
    void aBlueChildIsDueWithTheSixWeeklyOversightVisit() {
        rated(BLUE, RED, "2026-12-01", CHILD);

        assertThat(schedule().nextDueOn()).isEqualTo(LocalDate.parse("2027-01-12"));
    }

    @Test
    void theAreasOwnCadenceApplies() {
        areas.areas.put(PERSON, "NORTH");

        rated(GREEN, null, "2026-12-01", ADULT);

        assertThat(schedule().nextDueOn()).isEqualTo(LocalDate.parse("2026-12-15"));
    }

    @Test
    void theSweepAnnouncesAMissedUpdateOnceThroughTheOutbox() {
        rated(RED, null, "2026-12-01", ADULT);

        assertThat(sweeping.sweep(noonOn("2026-12-15"))).isZero();
        assertThat(sweeping.sweep(noonOn("2026-12-16"))).isEqualTo(1);
        assertThat(sweeping.sweep(noonOn("2026-12-16"))).isZero();
        assertThat(sweeping.sweep(noonOn("2026-12-30"))).isZero();

        assertThat(outbox.appended).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(EventTypes.RISK_UPDATE_OVERDUE_V1);
            assertThat(event.personId()).isEqualTo(PERSON);
            assertThat(event.payload()).isEqualTo(new UpdateOverdue(PERSON, LocalDate.parse("2026-12-15"), RED));
        });
    }

    @Test
    void todayIsTheDayInEnglandNotInUtc() {
        rated(RED, null, "2026-06-01", ADULT);

        // 23:30 UTC on 15 June is 00:30 on 16 June in London (BST): the update due on the 15th is overdue.
        assertThat(sweeping.sweep(Instant.parse("2026-06-15T23:30:00Z"))).isEqualTo(1);
    }

    @Test
    void aRatingChangeDoesNotHideAnOverdueUpdate() {
        rated(AMBER, null, "2026-12-01", ADULT);
        sweeping.sweep(noonOn("2026-12-16"));

        rated(GREEN, AMBER, "2026-12-17", ADULT);

        assertThat(schedule().isOverdue()).isTrue();
        assertThat(schedule().nextDueOn()).isEqualTo(LocalDate.parse("2026-12-15"));
        assertThat(sweeping.sweep(noonOn("2026-12-18"))).isZero();
    }

    @Test
    void leavingTheRegisterStopsTheScheduleAndNothingMoreIsAnnounced() {
        rated(AMBER, null, "2026-12-01", ADULT);

        following.leftRegister(PERSON, noonOn("2026-12-10"));

        assertThat(schedule().isRunning()).isFalse();
        assertThat(sweeping.sweep(noonOn("2027-02-01"))).isZero();
        assertThat(outbox.appended).isEmpty();
    }

    @Test
    void leavingTheRegisterWithoutAScheduleChangesNothing() {
        following.leftRegister(PERSON, noonOn("2026-12-10"));

        assertThat(schedules.find(PERSON)).isEmpty();
    }
}
