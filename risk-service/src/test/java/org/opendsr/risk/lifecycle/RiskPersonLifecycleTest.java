package org.opendsr.risk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.support.RiskApi;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.PersonDataSearch;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * Issue 16: risk-service follows a person's erasure, merge and restriction of processing from referral-service's
 * events, on the real database and broker. An erased person's ratings, updates and obligations are gone and the
 * erasure is confirmed once; a merged duplicate's history joins the survivor's, whose current rating is the latest of
 * the two and who holds one open obligation of a kind; a restriction shows with the rating.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskPersonLifecycleTest extends RiskServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private PersonDataSearch store;
    private PublishedEvents riskEvents;

    @BeforeAll
    void prepare() {
        store = new PersonDataSearch(databaseUrl, databaseUser, databasePassword);
        riskEvents = new PublishedEvents(Topics.RISK_EVENTS);
    }

    @AfterAll
    void close() {
        riskEvents.close();
    }

    private UUID ratedRed() {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_18_TO_24, RagRating.RED);
        api.awaitRating(personId, "RED");
        return personId;
    }

    private void awaitProcessed(ObjectNode event) {
        String id = event.get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> store.processed(id));
    }

    /** Delivers the same event again, then a marker behind it on the same partition, and waits for the marker. */
    private void redeliverAndSettle(UUID key, ObjectNode event) {
        referrals.send(key, event.deepCopy());
        ObjectNode marker = ReferralEvents.goldenSample(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, UUID.randomUUID());
        referrals.send(key, marker);
        awaitProcessed(marker);
    }

    private List<String> openObligationKinds(UUID personId) {
        ApiResponse response = api.http.get("/ratings/people/" + personId + "/obligations", api.dsrLead);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        for (JsonNode obligation : response.json().get("obligations")) {
            if (List.of("DUE", "BOOKED", "OVERDUE").contains(obligation.get("status").asText())) {
                kinds.add(obligation.get("kind").asText());
            }
        }
        return kinds;
    }

    @Test
    void anErasedPersonsRatingsUpdatesAndObligationsAreGoneAndTheErasureIsConfirmedOnce() {
        UUID personId = ratedRed();
        assertThat(api.http.post("/ratings/people/" + personId + "/updates", api.dsrLead,
                Map.of("text", "Stable; placement holding.")).status()).isEqualTo(201);
        assertThat(store.tablesHolding(personId)).contains("public.person_rating.person_id", "public.rating.person_id",
                "public.obligation.person_id", "public.posted_update.person_id", "dsr_kit.care_team.person_id");

        ObjectNode erasure = referrals.erased(personId);
        awaitProcessed(erasure);

        assertThat(store.tablesHolding(personId)).isEmpty();
        assertThat(store.auditedActions(personId)).containsOnlyOnce("ERASED");
        assertThat(api.http.get("/ratings/people/" + personId, api.dsrLead).status()).isEqualTo(404);
        PublishedEvents.Published confirmation = riskEvents.first(personId, EventTypes.RISK_ERASURE_CONFIRMED_V1);
        assertThat(confirmation.data().get("service").asText()).isEqualTo("risk-service");
        assertThat(confirmation.data().get("recordsErased").asLong()).isGreaterThanOrEqualTo(4);

        redeliverAndSettle(personId, erasure);
        assertThat(store.auditedActions(personId)).containsOnlyOnce("ERASED");
        assertThat(store.outboxEvents(personId, EventTypes.RISK_ERASURE_CONFIRMED_V1)).isEqualTo(1);
        assertThat(riskEvents.allAbout(personId, Duration.ofSeconds(2)).stream()
                .filter(event -> event.type().equals(EventTypes.RISK_ERASURE_CONFIRMED_V1))).hasSize(1);
    }

    @Test
    void someoneNeverHeardOfIsConfirmedWithNothingErased() {
        UUID stranger = UUID.randomUUID();
        awaitProcessed(referrals.erased(stranger));
        assertThat(riskEvents.first(stranger, EventTypes.RISK_ERASURE_CONFIRMED_V1).data().get("recordsErased").asLong())
                .isZero();
    }

    @Test
    void aMergedDuplicatesRatingIsTheSurvivorsWhenLaterAndBothHistoriesAreKept() {
        UUID survivor = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_25_TO_34, RagRating.GREEN);
        api.awaitRating(survivor, "GREEN");
        UUID duplicate = ratedRed();
        assertThat(api.rate(duplicate, api.dsrLead, RiskApi.decision("AMBER")).status()).isEqualTo(201);
        List<String> ratingIds = new ArrayList<>(api.ratingOf(survivor).get("history").findValuesAsText("ratingId"));
        ratingIds.addAll(api.ratingOf(duplicate).get("history").findValuesAsText("ratingId"));

        ObjectNode merge = referrals.merged(duplicate, survivor);
        awaitProcessed(merge);

        JsonNode merged = api.ratingOf(survivor);
        assertThat(merged.get("current").get("rating").asText()).isEqualTo("AMBER");
        assertThat(merged.get("history").findValuesAsText("ratingId")).containsExactlyInAnyOrderElementsOf(ratingIds);
        // The duplicate's RED obliged reviews, which the survivor now holds, once each.
        assertThat(openObligationKinds(survivor)).isNotEmpty().doesNotHaveDuplicates();
        assertThat(api.ratingOf(duplicate).get("personId").asText()).isEqualTo(survivor.toString());
        // The link, and the duplicate's audit key if its entries have values (they stay under its id).
        assertThat(store.tablesHolding(duplicate)).contains("public.merged_person.from_person_id")
                .isSubsetOf("public.merged_person.from_person_id", PersonDataSearch.AUDIT_KEY);
        assertThat(store.auditedActions(survivor)).containsOnlyOnce("MERGED");

        redeliverAndSettle(duplicate, merge);
        assertThat(store.auditedActions(survivor)).containsOnlyOnce("MERGED");
        assertThat(api.ratingOf(survivor)).isEqualTo(merged);

        // An admission reported about the duplicate after the merge is the survivor's.
        referrals.admitted(duplicate, api.today());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.ratingOf(survivor).get("admission").get("inpatient").asBoolean());
        // The link, and the duplicate's audit key if its entries have values (they stay under its id).
        assertThat(store.tablesHolding(duplicate)).contains("public.merged_person.from_person_id")
                .isSubsetOf("public.merged_person.from_person_id", PersonDataSearch.AUDIT_KEY);
        // The duplicate's rating was audited with its values, under the duplicate's own audit key; erasing the
        // survivor forgets it too (KitPersonRecords follows the merges back), and with it the link.
        assertThat(store.tablesHolding(duplicate)).contains(PersonDataSearch.AUDIT_KEY);
        awaitProcessed(referrals.erased(survivor));
        assertThat(store.tablesHolding(duplicate)).isEmpty();
        assertThat(store.tablesHolding(survivor)).isEmpty();
    }

    @Test
    void aSurvivorsLaterRatingStandsAndAnObligationHeldTwiceIsClosedOnce() {
        UUID duplicate = ratedRed();
        UUID survivor = ratedRed();
        List<String> kindsBefore = openObligationKinds(survivor);

        awaitProcessed(referrals.merged(duplicate, survivor));

        assertThat(api.ratingOf(survivor).get("current").get("rating").asText()).isEqualTo("RED");
        assertThat(openObligationKinds(survivor)).containsExactlyInAnyOrderElementsOf(kindsBefore);
    }

    @Test
    void aRestrictionOfProcessingShowsWithTheRatingUntilItIsLifted() {
        UUID personId = ratedRed();
        assertThat(api.ratingOf(personId).get("processingRestricted").asBoolean()).isFalse();

        referrals.processingRestricted(personId, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.ratingOf(personId).get("processingRestricted").asBoolean());

        referrals.processingRestricted(personId, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.ratingOf(personId).get("processingRestricted").asBoolean());
    }
}
