package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.consent.support.ConsentRequests.informedConsent;
import static org.opendsr.testkit.events.ReferralEvents.AREA;
import static org.opendsr.testkit.events.ReferralEvents.REFERRER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.testkit.PersonDataSearch;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * Issue 16: consent-service follows a person's erasure, merge and restriction of processing from referral-service's
 * events, on the real database and broker. An erased person leaves nothing under their personId (but the audit trail,
 * kept for its own period) and is confirmed once; a merged duplicate's consents move to the survivor, who has one open
 * consent, and the old personId reads the survivor's; a restriction shows on the person's consents.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentPersonLifecycleTest extends ConsentServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private PersonDataSearch store;
    private PublishedEvents consentEvents;
    private LocalDate today;

    @BeforeAll
    void prepare() {
        store = new PersonDataSearch(databaseUrl, databaseUser, databasePassword);
        consentEvents = new PublishedEvents(Topics.CONSENT_EVENTS);
        today = api.today();
    }

    @AfterAll
    void close() {
        consentEvents.close();
    }

    private UUID personWithConsent(LocalDate givenOn) {
        UUID personId = UUID.randomUUID();
        referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
        referrals.careTeam(personId, AREA, referrals.member(REFERRER, CareTeamRole.REFERRER));
        api.awaitKnown(personId);
        referrals.accepted(personId);
        api.recorded(informedConsent(personId, givenOn));
        return personId;
    }

    private void awaitProcessed(ObjectNode event) {
        String id = event.get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> store.processed(id));
    }

    /**
     * Delivers the same event again, then a marker on the same partition (keyed by the same person, about someone
     * else), and waits for the marker: the redelivery has been settled by then.
     */
    private void redeliverAndSettle(UUID key, ObjectNode event) {
        referrals.send(key, event.deepCopy());
        ObjectNode marker = ReferralEvents.goldenSample(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, UUID.randomUUID());
        referrals.send(key, marker);
        awaitProcessed(marker);
    }

    @Test
    void anErasedPersonLeavesNothingUnderTheirPersonIdAndIsConfirmedOnce() {
        UUID personId = personWithConsent(today.minusMonths(11));
        referrals.processingRestricted(personId, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.history(personId).get("processingRestricted").asBoolean());
        assertThat(store.tablesHolding(personId)).contains("public.consent.person_id", "public.known_person.person_id",
                "dsr_kit.care_team.person_id", "public.processing_restriction.person_id");

        ObjectNode erasure = referrals.erased(personId);
        awaitProcessed(erasure);

        assertThat(store.tablesHolding(personId)).isEmpty();
        assertThat(store.auditedActions(personId)).containsOnlyOnce("ERASED");
        assertThat(api.http.get("/consents/people/" + personId, api.dsrLead).status()).isEqualTo(404);
        PublishedEvents.Published confirmation = consentEvents.first(personId, EventTypes.CONSENT_ERASURE_CONFIRMED_V1);
        assertThat(confirmation.data().get("service").asText()).isEqualTo("consent-service");
        // The person, their consent, the open referral gone with acceptance: at least the person and the consent,
        // and the care team and restriction the kit held.
        assertThat(confirmation.data().get("recordsErased").asLong()).isGreaterThanOrEqualTo(4);

        redeliverAndSettle(personId, erasure);
        assertThat(store.auditedActions(personId)).containsOnlyOnce("ERASED");
        assertThat(store.outboxEvents(personId, EventTypes.CONSENT_ERASURE_CONFIRMED_V1)).isEqualTo(1);
        assertThat(consentEvents.allAbout(personId, Duration.ofSeconds(2)).stream()
                .filter(event -> event.type().equals(EventTypes.CONSENT_ERASURE_CONFIRMED_V1))).hasSize(1);
    }

    @Test
    void someoneNeverHeardOfIsConfirmedWithNothingErased() {
        UUID stranger = UUID.randomUUID();
        awaitProcessed(referrals.erased(stranger));

        PublishedEvents.Published confirmation = consentEvents.first(stranger, EventTypes.CONSENT_ERASURE_CONFIRMED_V1);
        assertThat(confirmation.data().get("recordsErased").asLong()).isZero();
        assertThat(store.tablesHolding(stranger)).isEmpty();
    }

    @Test
    void aMergedDuplicatesConsentMovesToTheSurvivorWhoKeepsOneOpenConsentTheOneGivenLater() {
        UUID survivor = personWithConsent(today.minusMonths(6));
        UUID duplicate = personWithConsent(today.minusDays(3));
        String survivorsConsent = api.history(survivor).get("currentConsentId").asText();
        String duplicatesConsent = api.history(duplicate).get("currentConsentId").asText();

        ObjectNode merge = referrals.merged(duplicate, survivor);
        awaitProcessed(merge);

        JsonNode history = api.history(survivor);
        assertThat(history.get("currentConsentId").asText()).isEqualTo(duplicatesConsent);
        assertThat(history.get("activeConsent").asBoolean()).isTrue();
        assertThat(history.get("consents").findValuesAsText("consentId"))
                .containsExactlyInAnyOrder(survivorsConsent, duplicatesConsent);
        assertThat(statusOf(history, survivorsConsent)).isEqualTo("SUPERSEDED_BY_MERGE");
        assertThat(statusOf(history, duplicatesConsent)).isEqualTo("ACTIVE");
        // The old personId reads the survivor's consents.
        assertThat(api.history(duplicate).get("personId").asText()).isEqualTo(survivor.toString());
        // Nothing of consent-service's is held under the duplicate any more but the link to the survivor.
        // The link, and the duplicate's audit key if its entries have values (they stay under its id).
        assertThat(store.tablesHolding(duplicate)).contains("public.merged_person.from_person_id")
                .isSubsetOf("public.merged_person.from_person_id", PersonDataSearch.AUDIT_KEY);
        assertThat(store.auditedActions(survivor)).containsOnlyOnce("MERGED");

        redeliverAndSettle(duplicate, merge);
        assertThat(store.auditedActions(survivor)).containsOnlyOnce("MERGED");
        assertThat(api.history(survivor)).isEqualTo(history);
    }

    @Test
    void aSurvivorsLaterConsentStaysOpenAndTheDuplicatesHistoryJoinsIt() {
        UUID survivor = personWithConsent(today.minusDays(2));
        UUID duplicate = personWithConsent(today.minusMonths(8));
        String survivorsConsent = api.history(survivor).get("currentConsentId").asText();
        String duplicatesConsent = api.history(duplicate).get("currentConsentId").asText();

        awaitProcessed(referrals.merged(duplicate, survivor));

        JsonNode history = api.history(survivor);
        assertThat(history.get("currentConsentId").asText()).isEqualTo(survivorsConsent);
        assertThat(statusOf(history, duplicatesConsent)).isEqualTo("SUPERSEDED_BY_MERGE");
        assertThat(history.get("consents").findValuesAsText("status").stream()
                .filter(status -> List.of("ACTIVE", "RENEWAL_DUE", "OVERDUE").contains(status))).hasSize(1);
    }

    @Test
    void aRestrictionOfProcessingShowsOnThePersonsConsentsUntilItIsLifted() {
        UUID personId = personWithConsent(today.minusMonths(1));
        assertThat(api.history(personId).get("processingRestricted").asBoolean()).isFalse();

        referrals.processingRestricted(personId, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.history(personId).get("processingRestricted").asBoolean());

        referrals.processingRestricted(personId, false);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !api.history(personId).get("processingRestricted").asBoolean());
    }

    @Test
    void noRenewalReminderIsSentWhileProcessingIsRestrictedThoughTheConsentFollowsItsDates() {
        // Given 11 months ago: renewal falls due in 30 days, so today's run opens the window with a first reminder.
        LocalDate given = today.minusYears(1).plusDays(30);
        UUID restricted = personWithConsent(given);
        UUID reminded = personWithConsent(given);
        referrals.processingRestricted(restricted, true);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.history(restricted).get("processingRestricted").asBoolean());

        JsonNode run = api.runLifecycle();

        assertThat(personIdsIn(run.get("remindersSent"))).contains(reminded.toString())
                .doesNotContain(restricted.toString());
        assertThat(api.history(restricted).get("currentStatus").asText()).isEqualTo("RENEWAL_DUE");
    }

    private static List<String> personIdsIn(JsonNode entries) {
        List<String> found = new java.util.ArrayList<>();
        entries.forEach(entry -> found.add(entry.get("personId").asText()));
        return found;
    }

    private static String statusOf(JsonNode history, String consentId) {
        for (JsonNode consent : history.get("consents")) {
            if (consent.get("consentId").asText().equals(consentId)) {
                return consent.get("status").asText();
            }
        }
        throw new AssertionError("no consent " + consentId + " in " + history);
    }
}
