package org.opendsr.risk.updates.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonAccess;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.shared.application.CurrentRating;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.PersonFacts;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.risk.updates.domain.UpdateCadence;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/**
 * Posting an update takes the person's lock before it reads their rating or schedule, so that it happens in turn with
 * their removal from the register: someone who left is never put back on the overdue list by a late post.
 */
class PostingUpdatesTest {

    private static final UUID PERSON = UUID.fromString("0d5f3c2a-0000-4000-8000-000000000077");
    private static final Caller PROFESSIONAL = new Caller("pro-1", Set.of(DsrRoles.PROFESSIONAL), null, null, null);
    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");
    private static final LocalDate RATED_ON = LocalDate.parse("2026-12-01");

    private final List<String> calls = new ArrayList<>();
    private final InMemoryUpdatePorts.Schedules schedules = new InMemoryUpdatePorts.Schedules() {
        @Override
        public Optional<UpdateSchedule> findForUpdate(UUID personId) {
            calls.add("schedule");
            return super.findForUpdate(personId);
        }
    };
    private final InMemoryUpdatePorts.Updates updates = new InMemoryUpdatePorts.Updates();
    private final InMemoryUpdatePorts.Outbox outbox = new InMemoryUpdatePorts.Outbox();
    private final Ratings ratings = new Ratings();
    private final PostingUpdates posting = new PostingUpdates(new AllowingAccess(), ratings, schedules, updates,
            new InMemoryUpdatePorts.Areas(), new UpdateCadence(UpdateCadence.defaultPeriods(), Map.of()), outbox,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private void amberOnTheRegister() {
        ratings.current = new CurrentRating(PERSON, RagRating.AMBER, RATED_ON.atStartOfDay().toInstant(ZoneOffset.UTC),
                RATED_ON);
        schedules.save(UpdateSchedule.startedBy(PERSON, RagRating.AMBER, java.time.Period.ofDays(14), RATED_ON));
    }

    private static void assertNotOnRegister(Throwable refused) {
        assertThat(refused).isInstanceOfSatisfying(RuleBroken.class,
                rule -> assertThat(rule.problem()).isEqualTo("not-on-register"));
    }

    @Test
    void anUpdateMovesTheNextDueDateOnFromItsDay() {
        amberOnTheRegister();

        PostingUpdates.Posted posted = posting.post(PERSON, "Stable", PROFESSIONAL);

        assertThat(posted.schedule().nextDueOn()).isEqualTo(LocalDate.parse("2026-12-24"));
        assertThat(outbox.appended).extracting(InMemoryUpdatePorts.Outbox.Appended::eventType)
                .containsExactly(EventTypes.RISK_UPDATE_POSTED_V1);
    }

    @Test
    void thePersonsLockIsTakenBeforeTheirRatingOrScheduleIsRead() {
        amberOnTheRegister();

        posting.post(PERSON, "Stable", PROFESSIONAL);

        assertThat(calls).isNotEmpty().first().isEqualTo("lock");
        assertThat(calls).containsSubsequence("lock", "rating", "schedule");
    }

    @Test
    void aRemovalThatCommittedWhileThePostWaitedForTheLockIsSeenAndTheScheduleStaysStopped() {
        amberOnTheRegister();
        // The removal holds the person's lock: it stops the schedule and closes the rating, then commits; the post
        // gets the lock only then.
        ratings.onLock = () -> {
            ratings.current = null;
            schedules.save(schedules.find(PERSON).orElseThrow().stopped(LocalDate.parse("2026-12-10")));
        };

        assertThatThrownBy(() -> posting.post(PERSON, "Too late", PROFESSIONAL))
                .satisfies(PostingUpdatesTest::assertNotOnRegister);

        assertThat(schedules.find(PERSON).orElseThrow().isRunning()).isFalse();
        assertThat(updates.rows).isEmpty();
        assertThat(outbox.appended).isEmpty();
    }

    @Test
    void aStoppedScheduleIsNeverRestartedByAnUpdate() {
        amberOnTheRegister();
        schedules.save(schedules.find(PERSON).orElseThrow().stopped(LocalDate.parse("2026-12-05")));

        assertThatThrownBy(() -> posting.post(PERSON, "Late", PROFESSIONAL))
                .satisfies(PostingUpdatesTest::assertNotOnRegister);

        assertThat(schedules.find(PERSON).orElseThrow().isRunning()).isFalse();
        assertThat(updates.rows).isEmpty();
        assertThat(outbox.appended).isEmpty();
    }

    @Test
    void someoneRatedBeforeThisFeatureFollowedRatingsGetsAScheduleFromTheirRating() {
        ratings.current = new CurrentRating(PERSON, RagRating.RED, RATED_ON.atStartOfDay().toInstant(ZoneOffset.UTC),
                RATED_ON);

        posting.post(PERSON, "First update", PROFESSIONAL);

        assertThat(schedules.find(PERSON).orElseThrow().nextDueOn()).isEqualTo(LocalDate.parse("2026-12-24"));
    }

    @Test
    void someoneRiskServiceNeverHeardOfIsNotOnTheRegister() {
        ratings.known = false;

        assertThatThrownBy(() -> posting.post(PERSON, "Who?", PROFESSIONAL))
                .satisfies(PostingUpdatesTest::assertNotOnRegister);
        assertThat(schedules.find(PERSON)).isEmpty();
    }

    /** The rating read side, recording the order of calls; {@code onLock} is what committed while waiting. */
    private final class Ratings implements CurrentRatings {
        CurrentRating current;
        boolean known = true;
        Runnable onLock = () -> { };

        @Override
        public Optional<CurrentRating> of(UUID personId) {
            calls.add("rating");
            return Optional.ofNullable(current);
        }

        @Override
        public boolean isOnRegister(UUID personId) {
            calls.add("rating");
            return current != null;
        }

        @Override
        public Optional<PersonFacts> factsOf(UUID personId, java.time.LocalDate on) {
            return known ? Optional.of(new PersonFacts(LifeStage.ADULT, false, null)) : Optional.empty();
        }

        @Override
        public boolean lock(UUID personId) {
            calls.add("lock");
            onLock.run();
            return known;
        }
    }

    /** Need to know is RiskAccess's own test; here the caller may change the person, and audits are kept aside. */
    private static final class AllowingAccess extends RiskAccess {
        AllowingAccess() {
            super(null, null, null);
        }

        @Override
        public PersonAccess change(UUID personId, Caller caller, String what) {
            return PersonAccess.CARE_TEAM;
        }

        @Override
        public void audited(Caller caller, UUID personId, String action, String what, Map<String, ?> before,
                            Map<String, ?> after) {
        }
    }
}
