package org.opendsr.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.reporting.store.application.Pseudonyms;
import org.opendsr.reporting.store.domain.Pseudonym;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * The four store listeners on the real broker and database: one contract-valid event of every type the store needs,
 * published to its topic, becomes the facts and attributes of the design's table, once each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreListenersTest implements TestPropertyProvider {

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Pseudonyms pseudonyms;

    private StoreTables tables;
    private StoreEvents events;

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("reporting");
    }

    @BeforeAll
    void connect() {
        tables = new StoreTables(transactions);
        events = new StoreEvents();
    }

    @AfterAll
    void disconnect() {
        events.close();
    }

    @Test
    void everyEventTypeOnTheFourTopicsBecomesItsFacts() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        List<StoreEvents.Event> everyType = StoreEvents.everyTypeFor(person);
        // The rating published twice with the same id (a redelivery): applied once.
        StoreEvents.Event rating = everyType.stream()
                .filter(event -> event.type().equals(EventTypes.RISK_RATING_CHANGED_V1)).findFirst().orElseThrow();

        events.publish(everyType);
        events.publish(List.of(rating));

        // 22 types: the move and turning 18 change attributes only.
        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() >= 20);
        assertThat(tables.kindsOf(pseudonym)).containsExactlyInAnyOrder(
                "REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "REFERRAL_WITHDRAWN", "FIRST_CONTACT",
                "ADMISSION", "DISCHARGE", "KEYWORKER_SUGGESTED", "LEFT_REGISTER",
                "CONSENT", "CONSENT", "CONSENT", "CONSENT",
                "RATING", "UPDATE_POSTED", "OBLIGATION_DUE", "OBLIGATION_COMPLETED",
                "RECOMMENDATION_MADE", "RECOMMENDATION_MET", "RECOMMENDATION_UNMET");
        // On the referral topic the events keep their order: the move's locality and turning 18's band are the latest.
        Map<String, String> attributes = tables.person(pseudonym);
        assertThat(attributes).containsEntry("locality",
                StoreEvents.sample(EventTypes.PERSON_MOVED_V1).get("data").get("locality").asText());
        assertThat(attributes).containsEntry("age_band",
                StoreEvents.sample(EventTypes.PERSON_TURNED_18_V1).get("data").get("ageBand").asText());
        assertThat(attributes).containsEntry("referral_route",
                StoreEvents.sample(EventTypes.REFERRAL_RECEIVED_V1).get("data").get("route").asText());
        assertThat(attributes).containsKey("life_stage");
    }

    @Test
    void anAttributeNoEventSaysIsNeverOverwrittenWithNull() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        events.publish(List.of(
                StoreEvents.of(EventTypes.REFERRAL_RECEIVED_V1, person, java.time.Instant.now(),
                        data -> data.put("diagnosis", "AUTISM")),
                // Accepted without a diagnosis: the one received stays.
                StoreEvents.of(EventTypes.REFERRAL_ACCEPTED_V1, person, java.time.Instant.now(),
                        data -> data.remove("diagnosis"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() == 2);
        assertThat(tables.person(pseudonym)).containsEntry("diagnosis", "AUTISM");
    }

    @Test
    void aLaterEventChangesAKnownPersonsAttributesAndOneThatChangesNothingLeavesTheirRowAlone() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        // Each applied before the next is published, so that every upsert after the first meets the person's row. The
        // referral topic keeps a person's events in order: a fact after an attributes-only event shows it applied.
        events.publish(List.of(StoreEvents.of(EventTypes.REFERRAL_RECEIVED_V1, person, java.time.Instant.now(),
                data -> data.put("locality", "WILTSHIRE").put("diagnosis", "AUTISM"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() == 1);
        Map<String, String> received = tables.person(pseudonym);
        assertThat(received).containsEntry("locality", "WILTSHIRE").containsEntry("age_band", "AGE_14_TO_17")
                .containsEntry("life_stage", "CHILD").containsEntry("diagnosis", "AUTISM");

        // A move changes one attribute: the row is written, the others kept.
        events.publish(List.of(StoreEvents.of(EventTypes.PERSON_MOVED_V1, person, java.time.Instant.now(),
                data -> data.put("locality", "SWINDON")),
                StoreEvents.of(EventTypes.REFERRAL_CONTACTED_V1, person)));
        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() == 2);
        Map<String, String> moved = new java.util.TreeMap<>(received);
        moved.put("locality", "SWINDON");
        assertThat(tables.person(pseudonym)).isEqualTo(moved);
        String writtenByTheMove = tables.rowVersionOf(pseudonym);

        // The same move again says nothing new: the row is not written again.
        events.publish(List.of(StoreEvents.of(EventTypes.PERSON_MOVED_V1, person, java.time.Instant.now(),
                data -> data.put("locality", "SWINDON")),
                StoreEvents.of(EventTypes.REFERRAL_CONTACTED_V1, person)));
        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() == 3);
        assertThat(tables.person(pseudonym)).isEqualTo(moved);
        assertThat(tables.rowVersionOf(pseudonym)).isEqualTo(writtenByTheMove);

        // Turning 18 changes the age band and life stage only.
        events.publish(List.of(StoreEvents.of(EventTypes.PERSON_TURNED_18_V1, person, java.time.Instant.now(),
                data -> data.put("ageBand", "AGE_18_TO_24").put("lifeStage", "ADULT")),
                StoreEvents.of(EventTypes.REFERRAL_CONTACTED_V1, person)));
        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() == 4);
        Map<String, String> adult = new java.util.TreeMap<>(moved);
        adult.put("age_band", "AGE_18_TO_24");
        adult.put("life_stage", "ADULT");
        assertThat(tables.person(pseudonym)).isEqualTo(adult);
        assertThat(tables.rowVersionOf(pseudonym)).isNotEqualTo(writtenByTheMove);
    }

    @Test
    void anUnreadableEventDoesNotStopTheOthers() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        events.publishRaw(Topics.RISK_EVENTS, person.toString(), "not a cloud event".getBytes());
        events.publish(List.of(StoreEvents.of(EventTypes.RISK_RATING_CHANGED_V1, person)));

        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).equals(List.of("RATING")));
    }
}
