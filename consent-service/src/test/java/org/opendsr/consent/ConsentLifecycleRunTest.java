package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.consent.support.ConsentRequests.informedConsent;
import static org.opendsr.consent.support.ConsentRequests.renewalOf;
import static org.opendsr.consent.support.ConsentRequests.withdrawal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.consent.application.LifecycleRunReport;
import org.opendsr.consent.application.RunningConsentLifecycle;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.PublishedEvents.Published;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;

/**
 * The daily lifecycle run on a real database and broker, with time moved by the test clock as a journey test moves
 * it: overdue at once and renewed; reminded, overdue and lapsed without renewal; withdrawn; two replicas at once;
 * twice in a day; people who left the register. Every test starts from the clock's today; the clock only moves on.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentLifecycleRunTest extends ConsentServiceUnderTest {

    @Inject
    RunningConsentLifecycle lifecycle;

    private PublishedEvents published;

    @BeforeAll
    void prepare() {
        published = new PublishedEvents(org.opendsr.contracts.Topics.CONSENT_EVENTS);
    }

    @AfterAll
    void tidyUp() {
        published.close();
    }

    private UUID knownAdult() {
        UUID personId = referrals.referredAdult();
        api.awaitKnown(personId);
        return personId;
    }

    private static List<JsonNode> about(JsonNode list, UUID personId) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(entry -> {
            if (entry.get("personId").asText().equals(personId.toString())) {
                found.add(entry);
            }
        });
        return found;
    }

    @Test
    void consentGivenOverAYearAgoIsOverdueAtOnceAndRenewingItMakesItActiveAgain() {
        LocalDate today = api.today();
        UUID personId = knownAdult();

        String overdue = api.recorded(informedConsent(personId, today.minusYears(1).minusWeeks(1)))
                .get("consentId").asText();
        JsonNode recorded = published.first(personId, EventTypes.CONSENT_RECORDED_V1).data();
        assertThat(recorded.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(recorded.get("graceEndsOn").asText()).isEqualTo(today.plusWeeks(3).toString());

        String renewal = api.recorded(renewalOf(informedConsent(personId, today), overdue)).get("consentId").asText();

        List<Published> events = published.about(personId, 2);
        assertThat(events).extracting(Published::type)
                .containsExactly(EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_RECORDED_V1);
        assertThat(events.get(1).data().get("consentId").asText()).isEqualTo(renewal);
        assertThat(events.get(1).data().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(events.get(1).data().get("renewalOf").asText()).isEqualTo(overdue);
        assertThat(events.get(1).data().has("graceEndsOn")).isFalse();
    }

    @Test
    void renewalAt18AnnouncedAheadHasYearlyRenewalsDueSoonWindowAndReminders() {
        LocalDate today = api.today();
        UUID child = UUID.randomUUID();
        referrals.referred(child, LifeStage.CHILD, AgeBand.AGE_14_TO_17, Instant.now());
        api.awaitKnown(child);
        api.recorded(org.opendsr.consent.support.ConsentRequests.parentalResponsibility(child, today.minusMonths(1)));
        // referral-service announces the month two months ahead: due by its last day, from the birthday month alone.
        YearMonth turns18In = YearMonth.from(today).plusMonths(2);
        LocalDate due = turns18In.atEndOfMonth();
        referrals.turning18(child, turns18In);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "TURNED_18".equals(api.history(child).get("consents").get(0).path("renewalReason").asText()));
        JsonNode consent = api.history(child).get("consents").get(0);
        assertThat(consent.get("renewalDueOn").asText()).isEqualTo(due.toString());
        assertThat(consent.get("status").asText()).as("not due yet: notice comes first").isEqualTo("ACTIVE");

        api.advanceClockTo(due.minusDays(31));
        assertThat(about(api.runLifecycle().get("moved"), child)).isEmpty();

        // As for yearly renewal: due soon 30 days ahead with a reminder, then weekly.
        api.advanceClockTo(due.minusDays(30));
        JsonNode windowOpens = api.runLifecycle();
        assertThat(about(windowOpens.get("moved"), child)).singleElement()
                .satisfies(move -> assertThat(move.get("to").asText()).isEqualTo("RENEWAL_DUE"));
        assertThat(about(windowOpens.get("remindersSent"), child)).singleElement().satisfies(reminder -> {
            assertThat(reminder.get("subject").asText()).isEqualTo("RENEWAL_DUE_SOON");
            assertThat(reminder.get("reminderNumber").asInt()).isEqualTo(1);
        });
        JsonNode reminderDue = published.first(child, EventTypes.CONSENT_REMINDER_DUE_V1).data();
        assertThat(reminderDue.get("renewalDueOn").asText()).isEqualTo(due.toString());

        api.advanceClockTo(due.minusDays(23));
        assertThat(about(api.runLifecycle().get("remindersSent"), child)).singleElement()
                .satisfies(reminder -> assertThat(reminder.get("reminderNumber").asInt()).isEqualTo(2));

        api.advanceClockTo(due);
        JsonNode overdue = api.runLifecycle();
        assertThat(about(overdue.get("moved"), child)).singleElement()
                .satisfies(move -> assertThat(move.get("to").asText()).isEqualTo("OVERDUE"));
        assertThat(about(overdue.get("remindersSent"), child)).singleElement()
                .satisfies(reminder -> assertThat(reminder.get("subject").asText()).isEqualTo("RENEWAL_OVERDUE"));
        assertThat(published.first(child, EventTypes.CONSENT_OVERDUE_V1).data().get("reason").asText())
                .isEqualTo("TURNED_18");
    }

    @Test
    void consentNotRenewedIsRemindedThenOverdueThenLapsesAsTimePasses() {
        LocalDate today = api.today();
        UUID personId = knownAdult();
        String consentId = api.recorded(informedConsent(personId, today)).get("consentId").asText();
        LocalDate due = today.plusYears(1);

        api.advanceClockTo(due.minusDays(30));
        JsonNode renewalDue = api.runLifecycle();
        assertThat(about(renewalDue.get("moved"), personId)).singleElement()
                .satisfies(move -> assertThat(move.get("to").asText()).isEqualTo("RENEWAL_DUE"));
        assertThat(about(renewalDue.get("remindersSent"), personId)).singleElement().satisfies(reminder -> {
            assertThat(reminder.get("subject").asText()).isEqualTo("RENEWAL_DUE_SOON");
            assertThat(reminder.get("reminderNumber").asInt()).isEqualTo(1);
        });
        JsonNode again = api.runLifecycle();
        assertThat(about(again.get("moved"), personId)).isEmpty();
        assertThat(about(again.get("remindersSent"), personId)).isEmpty();

        api.advanceClockTo(due);
        JsonNode overdue = api.runLifecycle();
        assertThat(about(overdue.get("moved"), personId)).singleElement()
                .satisfies(move -> assertThat(move.get("to").asText()).isEqualTo("OVERDUE"));
        assertThat(about(api.worklist("overdue").get("entries"), personId)).singleElement()
                .satisfies(entry -> assertThat(entry.get("daysLeftBeforeRemoval").asInt()).isEqualTo(28));

        api.advanceClockTo(due.plusDays(7));
        assertThat(about(api.runLifecycle().get("remindersSent"), personId)).singleElement()
                .satisfies(reminder -> assertThat(reminder.get("reminderNumber").asInt()).isEqualTo(3));

        api.advanceClockTo(due.plusDays(28));
        JsonNode lapsed = api.runLifecycle();
        assertThat(about(lapsed.get("moved"), personId)).singleElement()
                .satisfies(move -> assertThat(move.get("to").asText()).isEqualTo("LAPSED"));
        JsonNode history = api.history(personId);
        assertThat(history.get("consents").get(0).get("status").asText()).isEqualTo("LAPSED");
        assertThat(history.get("consents").get(0).get("lapsedOn").asText()).isEqualTo(due.plusDays(28).toString());
        assertThat(history.get("consents").get(0).get("reminders")).hasSize(3);
        assertThat(about(api.worklist("closed?month=" + YearMonth.from(due.plusDays(28))).get("entries"), personId))
                .singleElement().satisfies(entry -> assertThat(entry.get("outcome").asText()).isEqualTo("LAPSED"));

        List<Published> events = published.about(personId, 7);
        assertThat(events).extracting(Published::type).containsExactly(
                EventTypes.CONSENT_RECORDED_V1,
                EventTypes.CONSENT_RENEWAL_DUE_V1,
                EventTypes.CONSENT_REMINDER_DUE_V1,
                EventTypes.CONSENT_OVERDUE_V1,
                EventTypes.CONSENT_REMINDER_DUE_V1,
                EventTypes.CONSENT_REMINDER_DUE_V1,
                EventTypes.CONSENT_LAPSED_V1);
        assertThat(events.get(3).data().get("graceEndsOn").asText()).isEqualTo(due.plusDays(28).toString());
        assertThat(events.get(6).data().get("consentId").asText()).isEqualTo(consentId);
        assertThat(events.get(6).data().get("lapsedOn").asText()).isEqualTo(due.plusDays(28).toString());
    }

    @Test
    void withdrawnConsentIsPublishedAndTheRunLeavesItAlone() {
        LocalDate today = api.today();
        UUID personId = knownAdult();
        String consentId = api.recorded(informedConsent(personId, today.minusYears(1).plusDays(20))).get("consentId").asText();

        assertThat(api.withdraw(consentId, withdrawal("PERSON_WITHDREW")).status()).isEqualTo(200);
        JsonNode withdrawn = published.first(personId, EventTypes.CONSENT_WITHDRAWN_V1).data();
        assertThat(withdrawn.get("withdrawnOn").asText()).isEqualTo(today.toString());
        assertThat(withdrawn.get("reason").asText()).isEqualTo("PERSON_WITHDREW");

        JsonNode run = api.runLifecycle();
        assertThat(about(run.get("moved"), personId)).isEmpty();
        assertThat(about(run.get("remindersSent"), personId)).isEmpty();
    }

    @Test
    void twoReplicasRunningAtOnceMoveAndRemindEachConsentOnce() throws Exception {
        LocalDate today = api.today();
        List<UUID> people = List.of(knownAdult(), knownAdult(), knownAdult());
        for (UUID personId : people) {
            // Due in 31 days: the renewal window opens tomorrow.
            api.recorded(informedConsent(personId, today.minusYears(1).plusDays(31)));
        }
        api.advanceClockByDays(1);

        CountDownLatch together = new CountDownLatch(1);
        Callable<LifecycleRunReport> replica = () -> {
            together.await();
            return lifecycle.run("replica-test");
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<LifecycleRunReport> first = replicas.submit(replica);
            Future<LifecycleRunReport> second = replicas.submit(replica);
            together.countDown();
            List<LifecycleRunReport> reports = List.of(first.get(), second.get());

            List<UUID> moved = reports.stream().flatMap(report -> report.moves().stream())
                    .map(LifecycleRunReport.Move::personId).filter(people::contains).toList();
            List<UUID> reminded = reports.stream().flatMap(report -> report.reminders().stream())
                    .map(ConsentChange.ReminderDue::personId).filter(people::contains).toList();
            assertThat(moved).containsExactlyInAnyOrderElementsOf(people);
            assertThat(reminded).containsExactlyInAnyOrderElementsOf(people);
        } finally {
            replicas.shutdownNow();
        }
        LifecycleRunReport third = lifecycle.run("replica-test");
        assertThat(third.moves()).noneMatch(move -> people.contains(move.personId()));
        assertThat(third.reminders()).noneMatch(reminder -> people.contains(reminder.personId()));

        for (UUID personId : people) {
            published.about(personId, 3);
            assertThat(published.allAbout(personId, Duration.ofMillis(300))).extracting(Published::type)
                    .containsExactly(EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_RENEWAL_DUE_V1,
                            EventTypes.CONSENT_REMINDER_DUE_V1);
        }
    }

    @Test
    void someoneWhoLeftTheRegisterIsNotRemindedUntilTheyAreReferredAgain() {
        LocalDate today = api.today();
        UUID personId = knownAdult();
        api.recorded(informedConsent(personId, today.minusYears(1).plusDays(20)));
        referrals.accepted(personId);

        referrals.removedFromRegister(personId, RemovalReason.MOVED_OUT_OF_AREA);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(personId).has("leftRegisterOn"));

        JsonNode run = api.runLifecycle();
        assertThat(about(run.get("remindersSent"), personId)).isEmpty();
        assertThat(about(api.worklist("renewals-due").get("entries"), personId)).isEmpty();

        referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.history(personId).has("leftRegisterOn"));

        assertThat(about(api.runLifecycle().get("remindersSent"), personId)).hasSize(1);
        assertThat(about(api.worklist("renewals-due").get("entries"), personId)).hasSize(1);
    }

    @Test
    void someoneWhoseReferralWasDeclinedIsNotRemindedNorListedUntilTheyAreReferredAgain() {
        LocalDate today = api.today();
        UUID declined = knownAdult();
        UUID withdrawn = knownAdult();
        api.recorded(informedConsent(declined, today.minusYears(1).plusDays(20)));
        api.recorded(informedConsent(withdrawn, today.minusYears(1).minusDays(3)));

        referrals.declined(declined);
        referrals.withdrawn(withdrawn);
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.history(declined).get("followedUp").asBoolean()
                && !api.history(withdrawn).get("followedUp").asBoolean());

        JsonNode run = api.runLifecycle();
        assertThat(about(run.get("remindersSent"), declined)).isEmpty();
        assertThat(about(run.get("remindersSent"), withdrawn)).isEmpty();
        assertThat(about(api.worklist("renewals-due").get("entries"), declined)).isEmpty();
        assertThat(about(api.worklist("overdue").get("entries"), withdrawn)).isEmpty();

        referrals.referred(declined, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(declined).get("followedUp").asBoolean());

        assertThat(about(api.runLifecycle().get("remindersSent"), declined)).hasSize(1);
        assertThat(about(api.worklist("renewals-due").get("entries"), declined)).hasSize(1);
    }

    @Test
    void aDeclinedDuplicateReferralOfSomeoneOnTheRegisterStillLeavesThemReminded() {
        LocalDate today = api.today();
        UUID personId = knownAdult();
        api.recorded(informedConsent(personId, today.minusYears(1).plusDays(20)));
        referrals.accepted(personId);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(personId).get("onRegister").asBoolean());

        UUID duplicate = referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(personId).get("openReferrals").asInt() == 1);
        referrals.declined(personId, duplicate);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(personId).get("openReferrals").asInt() == 0);

        assertThat(api.history(personId).get("followedUp").asBoolean()).isTrue();
        assertThat(about(api.runLifecycle().get("remindersSent"), personId)).hasSize(1);
        assertThat(about(api.worklist("renewals-due").get("entries"), personId)).hasSize(1);
    }

    @Test
    void aConsentWhoseGraceEndedBeforeTonightsRunLapsesInsteadOfBeingRenewedOrWithdrawn() {
        LocalDate today = api.today();
        UUID renewing = knownAdult();
        UUID withdrawing = knownAdult();
        LocalDate givenOn = today.minusYears(1).minusWeeks(1);
        String notRenewed = api.recorded(informedConsent(renewing, givenOn)).get("consentId").asText();
        String notWithdrawn = api.recorded(informedConsent(withdrawing, givenOn)).get("consentId").asText();
        LocalDate graceEnds = LocalDate.parse(api.history(renewing).get("consents").get(0).get("graceEndsOn").asText());

        // The morning the grace period ends, before the nightly run has lapsed either consent.
        api.advanceClockTo(graceEnds);
        JsonNode renewal = api.http.post("/consents", api.professional,
                renewalOf(informedConsent(renewing, graceEnds), notRenewed)).json();
        JsonNode withdrawal = api.withdraw(notWithdrawn, withdrawal("PERSON_WITHDREW")).json();

        assertThat(renewal.get("type").asText()).isEqualTo("urn:dsr:problem:consent-not-renewable");
        assertThat(withdrawal.get("type").asText()).isEqualTo("urn:dsr:problem:consent-lapsed");
        for (UUID personId : List.of(renewing, withdrawing)) {
            JsonNode consent = api.history(personId).get("consents").get(0);
            assertThat(consent.get("status").asText()).isEqualTo("LAPSED");
            assertThat(consent.get("lapsedOn").asText()).isEqualTo(graceEnds.toString());
            assertThat(published.first(personId, EventTypes.CONSENT_LAPSED_V1).data().get("lapsedOn").asText())
                    .isEqualTo(graceEnds.toString());
        }
        assertThat(about(api.runLifecycle().get("moved"), renewing)).isEmpty();
    }

    @Test
    void eachRunIsLoggedWithWhatItDidAndARunWithNothingToDoChangesNothing() {
        LifecycleRunReport first = lifecycle.run(RunningConsentLifecycle.SCHEDULE);
        LifecycleRunReport second = lifecycle.run(RunningConsentLifecycle.SCHEDULE);

        assertThat(first.runBy()).isEqualTo("schedule");
        assertThat(first.ranOn()).isEqualTo(api.today());
        assertThat(second.moves()).isEmpty();
        assertThat(second.reminders()).isEmpty();
        assertThat(second.runId()).isNotEqualTo(first.runId());
    }
}
