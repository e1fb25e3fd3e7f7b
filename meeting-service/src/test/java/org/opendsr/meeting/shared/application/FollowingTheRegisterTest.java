package org.opendsr.meeting.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.TopicReader;
import org.opendsr.testkit.events.ReferralEvents;

/** meeting-service follows the register from referral-, consent- and risk-service's events, in any topic order. */
@MicronautTest(transactional = false)
class FollowingTheRegisterTest extends MeetingServiceUnderTest {

    @Test
    void an_accepted_referral_puts_the_person_on_the_register_in_their_area() {
        UUID personId = register.onRegister();

        RegisterPerson person = registerPeople.find(personId).orElseThrow();
        assertThat(person.area()).isEqualTo(ReferralEvents.AREA);
        assertThat(person.acceptedAt()).isNotNull();
        assertThat(registerPeople.knownInArea(ReferralEvents.AREA)).extracting(RegisterPerson::personId)
                .contains(personId);
    }

    @Test
    void a_rating_that_overtakes_the_referral_is_kept_and_placed_when_the_referral_arrives() {
        UUID personId = UUID.randomUUID();

        register.rated(personId, RagRating.RED, null, today());
        assertThat(registerPeople.find(personId).orElseThrow().area()).isNull();

        referrals.referred(personId, org.opendsr.contracts.common.LifeStage.ADULT,
                org.opendsr.contracts.common.AgeBand.AGE_25_TO_34, clock.instant());
        RegisterPerson placed = register.awaitPerson(personId, person -> person.area() != null);
        assertThat(placed.rating()).isEqualTo(RagRating.RED);
        assertThat(placed.area()).isEqualTo(ReferralEvents.AREA);
    }

    @Test
    void leaving_the_register_is_followed() {
        UUID personId = register.onRegister();

        referrals.removedFromRegister(personId, RemovalReason.STEPPED_DOWN);

        register.awaitPerson(personId, person -> !person.onRegister() && person.removedAt() != null);
    }

    @Test
    void a_declined_referral_no_longer_awaits_a_decision_until_the_person_is_referred_again() {
        UUID personId = referrals.referred(org.opendsr.contracts.common.LifeStage.ADULT,
                org.opendsr.contracts.common.AgeBand.AGE_25_TO_34);
        register.awaitPerson(personId, person -> person.referredAt() != null);

        referrals.declined(personId);
        RegisterPerson declined = register.awaitPerson(personId, person -> person.removedAt() != null);
        assertThat(declined.onRegister()).isFalse();

        referrals.referred(personId, org.opendsr.contracts.common.LifeStage.ADULT,
                org.opendsr.contracts.common.AgeBand.AGE_25_TO_34, clock.instant().plusSeconds(60));
        register.awaitPerson(personId, person -> person.removedAt() == null);
    }

    @Test
    void obligations_are_followed_from_due_to_done() {
        UUID personId = register.onRegister();
        UUID obligationId = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);
        assertThat(reviewObligations.openFor(personId)).extracting(ReviewObligation::obligationId)
                .containsExactly(obligationId);

        referrals.publishOn(Topics.RISK_EVENTS, personId, EventTypes.RISK_OBLIGATION_COMPLETED_V1, data -> {
            data.put("obligationId", obligationId.toString());
            data.put("kind", "COMMUNITY_CTR");
            data.put("outcome", "DONE");
        });

        org.awaitility.Awaitility.await().until(() -> reviewObligations.obligation(obligationId).orElseThrow().status()
                == ReviewObligation.Status.DONE);
        assertThat(reviewObligations.openFor(personId)).isEmpty();
    }

    @Test
    void overdue_updates_and_consent_renewals_are_followed() {
        UUID personId = register.onRegister();

        register.updateOverdue(personId, today().minusDays(1));
        register.consentRenewalDue(personId, today().plusDays(10));

        referrals.publishOn(Topics.RISK_EVENTS, personId, EventTypes.RISK_UPDATE_POSTED_V1, data -> { });
        register.awaitPerson(personId, person -> person.updateOverdueSince() == null);
    }

    @Test
    void a_removal_of_someone_never_referred_goes_to_the_dead_letter_topic_with_its_reason() {
        UUID stranger = UUID.randomUUID();

        referrals.removedFromRegister(stranger, RemovalReason.STEPPED_DOWN);

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS + ".dlt")) {
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(record ->
                    stranger.toString().equals(record.key())
                            && "meeting-service.referral-events".equals(TopicReader.header(record, DeadLetters.CONSUMER_GROUP)));
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("never referred");
        }
        assertThat(registerPeople.find(stranger)).isEmpty();
    }

    @Test
    void an_old_turned_18_of_someone_never_referred_is_set_aside_not_dead_lettered() {
        // The retired dsr.person.turned-18.v1 was also announced for people whose self or family referral was never
        // completed, whom nobody else knew: such a record still on the topic is no dead letter (a false alert).
        UUID stranger = UUID.randomUUID();
        referrals.turned18(stranger, clock.instant());
        // Referred afterwards, on the same partition: once placed, the announcement before it has been dealt with.
        referrals.referred(stranger, org.opendsr.contracts.common.LifeStage.ADULT,
                org.opendsr.contracts.common.AgeBand.AGE_18_TO_24, clock.instant());
        register.awaitPerson(stranger, person -> person.area() != null);

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS + ".dlt")) {
            assertThat(deadLetters.readFor(java.time.Duration.ofMillis(500), record ->
                    stranger.toString().equals(record.key()) && "meeting-service.referral-events".equals(
                            TopicReader.header(record, DeadLetters.CONSUMER_GROUP)))).isEmpty();
        }
    }

    @Test
    void turning18AnnouncedTwoMonthsAheadLeavesThemAChildUntilTheMonthAfterTheBirthdayMonth() {
        UUID personId = referrals.referred(org.opendsr.contracts.common.LifeStage.CHILD,
                org.opendsr.contracts.common.AgeBand.AGE_14_TO_17);
        register.awaitPerson(personId, person -> person.referredAt() != null);
        java.time.YearMonth turns18In = java.time.YearMonth.from(today()).plusMonths(2);

        referrals.turning18(personId, turns18In);

        RegisterPerson announced = register.awaitPerson(personId, person -> person.turns18In() != null);
        assertThat(announced.turns18In()).isEqualTo(turns18In);
        assertThat(announced.lifeStageOn(today())).isEqualTo(org.opendsr.contracts.common.LifeStage.CHILD);
        assertThat(announced.lifeStageOn(turns18In.atEndOfMonth())).isEqualTo(
                org.opendsr.contracts.common.LifeStage.CHILD);
        assertThat(announced.lifeStageOn(turns18In.plusMonths(1).atDay(1))).isEqualTo(
                org.opendsr.contracts.common.LifeStage.ADULT);

        // A repeated or later announcement changes nothing: the first stands.
        referrals.turning18(personId, turns18In.plusMonths(1));
        referrals.send(personId, EventTypes.PERSON_MOVED_V1, data -> data.put("locality", "WILTSHIRE"));
        RegisterPerson moved = register.awaitPerson(personId, person -> "WILTSHIRE".equals(person.area()));
        assertThat(moved.turns18In()).isEqualTo(turns18In);
    }

    @Test
    void aTurning18OfSomeoneNeverReferredIsSetAsideNotDeadLettered() {
        UUID stranger = UUID.randomUUID();
        referrals.turning18(stranger, java.time.YearMonth.from(today()).plusMonths(2));
        referrals.referred(stranger, org.opendsr.contracts.common.LifeStage.CHILD,
                org.opendsr.contracts.common.AgeBand.AGE_14_TO_17, clock.instant());
        RegisterPerson placed = register.awaitPerson(stranger, person -> person.area() != null);
        assertThat(placed.turns18In()).isNull();

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS + ".dlt")) {
            assertThat(deadLetters.readFor(java.time.Duration.ofMillis(500), record ->
                    stranger.toString().equals(record.key()) && "meeting-service.referral-events".equals(
                            TopicReader.header(record, DeadLetters.CONSUMER_GROUP)))).isEmpty();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }
}
