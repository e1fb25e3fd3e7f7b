package org.opendsr.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
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
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.store.application.Pseudonyms;
import org.opendsr.reporting.store.domain.ArrivedMonth;
import org.opendsr.reporting.store.domain.Pseudonym;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.events.PublishedEvents;

/**
 * Issue 16 in the pseudonymised store, on the real broker and database: dsr.person.erased.v1 leaves the person's
 * counts in place but re-keyed to a pseudonym that leads to no one, confirmed once on dsr.reporting.events;
 * dsr.person.merged.v1 makes the duplicate's facts the survivor's, so the person is counted once; and a rebuild from the
 * topics reaches the same state without confirming the erasure again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreErasureAndMergeTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    MonthFigures figures;

    @Inject
    Clock clock;

    private StoreTables tables;
    private StoreEvents events;
    private PublishedEvents confirmations;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        // A listener held off by a rebuild retries within a few seconds, not the production minute.
        properties.put("dsr.events.retry.initial-delay", "200ms");
        properties.put("dsr.events.retry.max-delay", "2s");
        return properties;
    }

    @BeforeAll
    void connect() {
        tables = new StoreTables(transactions);
        events = new StoreEvents();
        confirmations = new PublishedEvents(Topics.REPORTING_EVENTS);
    }

    @AfterAll
    void disconnect() {
        events.close();
        confirmations.close();
    }

    @Test
    void anErasedPersonsCountsStayButNothingLinksThemToTheirPersonIdAndTheErasureIsConfirmedOnce() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        String marker = marker();
        events.publish(everyTypeMarked(person, marker));
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(pseudonym).size() == 20);
        List<String> factsBefore = factsWithoutKeys(pseudonym);
        List<String> recordKeysBefore = recordKeys(pseudonym);
        assertThat(recordKeysBefore).isNotEmpty();
        Map<String, String> attributesBefore = tables.person(pseudonym);
        assertThat(attributesBefore).containsEntry("locality", marker);

        StoreEvents.Event erased = erasure(person);
        events.publish(List.of(erased));
        awaitProcessed(erased);

        // Nothing is left under the person's keyed pseudonym...
        assertThat(tables.kindsOf(pseudonym)).isEmpty();
        assertThat(tables.person(pseudonym)).isEmpty();
        // ...their facts are all there, every column as it was, under one random pseudonym of their own...
        Pseudonym anonymous = anonymousPseudonymOf(marker);
        assertThat(anonymous).isNotEqualTo(pseudonym);
        assertThat(factsWithoutKeys(anonymous)).isEqualTo(factsBefore);
        assertThat(tables.person(anonymous)).isEqualTo(attributesBefore);
        // ...with their records' keys re-keyed too (the topics still pair a referralId with the personId).
        assertThat(recordKeys(anonymous)).hasSameSizeAs(recordKeysBefore).doesNotContainAnyElementsOf(recordKeysBefore);
        // The tombstone is the keyed pseudonym alone; nothing else in the store names it.
        assertThat(count("SELECT count(*) FROM reporting_erased_person WHERE pseudonym = decode('" + pseudonym.hex()
                + "', 'hex')")).isEqualTo(1);

        // Confirmed once, in the same transaction, with the number of rows re-keyed (20 facts and the person's row).
        assertThat(confirmationsInTheOutbox(person)).isEqualTo(1);
        PublishedEvents.Published confirmation = confirmations.first(person,
                EventTypes.REPORTING_ERASURE_CONFIRMED_V1);
        JsonNode data = confirmation.data();
        assertThat(data.get("personId").asText()).isEqualTo(person.toString());
        assertThat(data.get("service").asText()).isEqualTo("reporting-service");
        assertThat(data.get("recordsErased").asLong()).isEqualTo(21);
        assertThat(confirmation.cloudEvent().get("source").asText()).isEqualTo("/dsr/reporting-service");

        // The erasure delivered again changes nothing and confirms nothing more; an event about the person that
        // arrives after the erasure (another service's, published before it erased) is not written back.
        StoreEvents.Event late = StoreEvents.of(EventTypes.PERSON_ADMISSION_REPORTED_V1, person);
        events.publish(List.of(erased, late));
        awaitProcessed(late);
        assertThat(confirmationsInTheOutbox(person)).isEqualTo(1);
        assertThat(tables.kindsOf(pseudonym)).isEmpty();
        assertThat(factsWithoutKeys(anonymous)).isEqualTo(factsBefore);
    }

    @Test
    void aMergedDuplicateIsCountedOnceAsTheSurvivorFromThenOn() {
        UUID duplicate = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        Pseudonym duplicatePseudonym = pseudonyms.person(duplicate);
        Pseudonym survivorPseudonym = pseudonyms.person(survivor);
        List<StoreEvents.Event> onTheRegister = new ArrayList<>();
        for (UUID person : List.of(duplicate, survivor)) {
            onTheRegister.add(StoreEvents.of(EventTypes.REFERRAL_RECEIVED_V1, person));
            onTheRegister.add(StoreEvents.of(EventTypes.REFERRAL_ACCEPTED_V1, person));
            onTheRegister.add(StoreEvents.of(EventTypes.RISK_RATING_CHANGED_V1, person));
        }
        events.publish(onTheRegister);
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(duplicatePseudonym).size() == 3
                && tables.kindsOf(survivorPseudonym).size() == 3);
        long registerBefore = peopleOnTheRegisterThisMonth();

        StoreEvents.Event merged = merge(duplicate, survivor);
        events.publish(List.of(merged));
        awaitProcessed(merged);

        assertThat(tables.kindsOf(duplicatePseudonym)).isEmpty();
        assertThat(tables.person(duplicatePseudonym)).isEmpty();
        assertThat(tables.kindsOf(survivorPseudonym)).containsExactlyInAnyOrder("REFERRAL_RECEIVED",
                "REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_ACCEPTED", "RATING", "RATING");
        // Two records, one person: on the register once.
        assertThat(peopleOnTheRegisterThisMonth()).isEqualTo(registerBefore - 1);

        // From then on: an event still about the duplicate counts as the survivor's; the merge again changes nothing.
        StoreEvents.Event later = StoreEvents.of(EventTypes.RISK_UPDATE_POSTED_V1, duplicate);
        StoreEvents.Event mergedAgain = merge(duplicate, survivor);
        events.publish(List.of(later, mergedAgain));
        awaitProcessed(later);
        awaitProcessed(mergedAgain);
        assertThat(tables.kindsOf(duplicatePseudonym)).isEmpty();
        assertThat(tables.kindsOf(survivorPseudonym)).hasSize(7).contains("UPDATE_POSTED");
        assertThat(peopleOnTheRegisterThisMonth()).isEqualTo(registerBefore - 1);
        assertThat(count("SELECT count(*) FROM reporting_person_link WHERE from_pseudonym = decode('"
                + duplicatePseudonym.hex() + "', 'hex') AND into_pseudonym = decode('" + survivorPseudonym.hex()
                + "', 'hex')")).isEqualTo(1);
    }

    /** A record merged into someone already erased is erased with them, never moved under their pseudonym. */
    @Test
    void aRecordMergedIntoSomeoneErasedIsAnonymisedToo() {
        UUID erasedPerson = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        Pseudonym erasedPseudonym = pseudonyms.person(erasedPerson);
        Pseudonym duplicatePseudonym = pseudonyms.person(duplicate);
        String erasedMarker = marker();
        String duplicateMarker = marker();
        List<StoreEvents.Event> published = new ArrayList<>(everyTypeMarked(erasedPerson, erasedMarker));
        published.add(StoreEvents.of(EventTypes.REFERRAL_ACCEPTED_V1, duplicate));
        published.add(StoreEvents.of(EventTypes.MEETING_RECOMMENDATION_MADE_V1, duplicate, java.time.Instant.now(),
                data -> data.put("area", duplicateMarker)));
        events.publish(published);
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(erasedPseudonym).size() == 20
                && tables.kindsOf(duplicatePseudonym).size() == 2);
        StoreEvents.Event erased = erasure(erasedPerson);
        events.publish(List.of(erased));
        awaitProcessed(erased);
        List<String> erasedFacts = factsWithoutKeys(anonymousPseudonymOf(erasedMarker));

        StoreEvents.Event merged = merge(duplicate, erasedPerson);
        events.publish(List.of(merged));
        awaitProcessed(merged);

        assertThat(tables.kindsOf(duplicatePseudonym)).isEmpty();
        assertThat(tables.kindsOf(erasedPseudonym)).isEmpty();
        Pseudonym duplicateAnonymous = anonymousPseudonymOf(duplicateMarker);
        assertThat(duplicateAnonymous).isNotEqualTo(duplicatePseudonym).isNotEqualTo(erasedPseudonym);
        assertThat(tables.kindsOf(duplicateAnonymous)).containsExactlyInAnyOrder("REFERRAL_ACCEPTED",
                "RECOMMENDATION_MADE");
        assertThat(factsWithoutKeys(anonymousPseudonymOf(erasedMarker))).isEqualTo(erasedFacts);
        assertThat(count("SELECT count(*) FROM reporting_erased_person WHERE pseudonym = decode('"
                + duplicatePseudonym.hex() + "', 'hex')")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reporting_person_link WHERE from_pseudonym = decode('"
                + duplicatePseudonym.hex() + "', 'hex')")).isZero();
    }

    @Test
    void aRebuildFromTheTopicsReachesTheSameStateAndConfirmsNoErasureAgain() {
        UUID erasedPerson = UUID.randomUUID();
        Pseudonym erasedPseudonym = pseudonyms.person(erasedPerson);
        String marker = marker();
        UUID duplicate = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        Pseudonym duplicatePseudonym = pseudonyms.person(duplicate);
        Pseudonym survivorPseudonym = pseudonyms.person(survivor);
        List<StoreEvents.Event> published = new ArrayList<>(everyTypeMarked(erasedPerson, marker));
        published.add(StoreEvents.of(EventTypes.REFERRAL_ACCEPTED_V1, duplicate));
        published.add(StoreEvents.of(EventTypes.RISK_RATING_CHANGED_V1, duplicate));
        published.add(StoreEvents.of(EventTypes.REFERRAL_ACCEPTED_V1, survivor));
        events.publish(published);
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(erasedPseudonym).size() == 20
                && tables.kindsOf(duplicatePseudonym).size() == 2 && tables.kindsOf(survivorPseudonym).size() == 1);
        StoreEvents.Event erased = erasure(erasedPerson);
        StoreEvents.Event merged = merge(duplicate, survivor);
        events.publish(List.of(erased, merged));
        awaitProcessed(erased);
        awaitProcessed(merged);
        List<String> erasedFactsBefore = factsWithoutKeys(anonymousPseudonymOf(marker));
        Map<String, String> erasedAttributesBefore = tables.person(anonymousPseudonymOf(marker));
        List<String> survivorFactsBefore = tables.factsOf(List.of(survivorPseudonym));
        List<String> survivorBefore = tables.peopleOf(List.of(survivorPseudonym));
        assertThat(survivorFactsBefore).hasSize(3);
        assertThat(confirmationsInTheOutbox(erasedPerson)).isEqualTo(1);

        ApiClient api = new ApiClient(server.getURL().toString());
        String lead = TestTokens.get().tokenFor("sam.patel@bsw-icb.example", DsrRoles.DSR_LEAD);
        ApiResponse started = api.post("/reports/store/rebuilds", lead, Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                api.get("/reports/store/rebuilds/latest", lead).json().get("state").asText()));
        assertThat(api.get("/reports/store/rebuilds/latest", lead).json().get("state").asText()).isEqualTo("DONE");

        // The erased person's events were replayed (they are still on the topics) and anonymised again at the end.
        assertThat(tables.kindsOf(erasedPseudonym)).isEmpty();
        assertThat(tables.person(erasedPseudonym)).isEmpty();
        Pseudonym anonymousAfter = anonymousPseudonymOf(marker);
        assertThat(factsWithoutKeys(anonymousAfter)).isEqualTo(erasedFactsBefore);
        assertThat(tables.person(anonymousAfter)).isEqualTo(erasedAttributesBefore);
        // The merge, whatever order the topics were replayed in.
        assertThat(tables.kindsOf(duplicatePseudonym)).isEmpty();
        assertThat(tables.factsOf(List.of(survivorPseudonym))).isEqualTo(survivorFactsBefore);
        assertThat(tables.peopleOf(List.of(survivorPseudonym))).isEqualTo(survivorBefore);

        // A marker after the erasure on its partition, processed live: the erasure was not confirmed again.
        StoreEvents.Event marker2 = StoreEvents.of(EventTypes.PERSON_ADMISSION_REPORTED_V1, erasedPerson);
        events.publish(List.of(marker2));
        awaitProcessed(marker2);
        assertThat(confirmationsInTheOutbox(erasedPerson)).isEqualTo(1);
        assertThat(tables.kindsOf(erasedPseudonym)).isEmpty();
    }

    /**
     * An erasure published while a rebuild runs: whether the replay reads it or only the live listener does afterwards,
     * the person ends anonymised and the erasure is confirmed exactly once (the rebuild never confirms, and does not
     * mark it processed, so the listener it held off still does).
     */
    @Test
    void anErasurePublishedDuringARebuildIsConfirmedExactlyOnce() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        String marker = marker();
        events.publish(everyTypeMarked(person, marker));
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(pseudonym).size() == 20);
        List<String> factsBefore = factsWithoutKeys(pseudonym);

        ApiClient api = new ApiClient(server.getURL().toString());
        String lead = TestTokens.get().tokenFor("sam.patel@bsw-icb.example", DsrRoles.DSR_LEAD);
        ApiResponse started = api.post("/reports/store/rebuilds", lead, Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        StoreEvents.Event erased = erasure(person);
        events.publish(List.of(erased));
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                api.get("/reports/store/rebuilds/latest", lead).json().get("state").asText()));
        assertThat(api.get("/reports/store/rebuilds/latest", lead).json().get("state").asText()).isEqualTo("DONE");

        // Confirmed by the live listener, before the rebuild emptied the store or after it let the listener go on
        // (the rebuild forgets what the listeners had processed, so wait on the confirmation, not the inbox).
        await().atMost(Duration.ofSeconds(90)).until(() -> confirmationsInTheOutbox(person) > 0);
        StoreEvents.Event after = StoreEvents.of(EventTypes.PERSON_ADMISSION_REPORTED_V1, person);
        events.publish(List.of(after));
        awaitProcessed(after);
        assertThat(confirmationsInTheOutbox(person)).isEqualTo(1);
        assertThat(confirmations.first(person, EventTypes.REPORTING_ERASURE_CONFIRMED_V1).data().get("service").asText())
                .isEqualTo("reporting-service");
        assertThat(tables.kindsOf(pseudonym)).isEmpty();
        assertThat(factsWithoutKeys(anonymousPseudonymOf(marker))).isEqualTo(factsBefore);
    }

    // ---- events ------------------------------------------------------------------------------------------------

    /** One of every type for the person, their locality (a move, a recommendation's area) a code of this test's own. */
    private static List<StoreEvents.Event> everyTypeMarked(UUID person, String marker) {
        List<StoreEvents.Event> events = new ArrayList<>();
        for (String type : StoreEvents.EVERY_TYPE) {
            if (type.equals(EventTypes.PERSON_MOVED_V1)) {
                events.add(StoreEvents.of(type, person, java.time.Instant.now(), data -> data.put("locality", marker)));
            } else if (type.startsWith("dsr.meeting.recommendation")) {
                events.add(StoreEvents.of(type, person, java.time.Instant.now(), data -> data.put("area", marker)));
            } else {
                events.add(StoreEvents.of(type, person));
            }
        }
        return events;
    }

    private static StoreEvents.Event erasure(UUID person) {
        return StoreEvents.of(EventTypes.PERSON_ERASED_V1, person, java.time.Instant.now(),
                data -> data.put("erasedAt", java.time.Instant.now().toString()));
    }

    /** Keyed by from, as referral-service publishes it. */
    private static StoreEvents.Event merge(UUID from, UUID into) {
        return StoreEvents.of(EventTypes.PERSON_MERGED_V1, from, java.time.Instant.now(), data -> {
            data.remove("personId");
            data.put("from", from.toString());
            data.put("into", into.toString());
        });
    }

    /** Capitals only: a locality code no other test uses. */
    private static String marker() {
        StringBuilder code = new StringBuilder("ERASURE_TEST_");
        for (int i = 0; i < 10; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    /** Until the live listener has recorded the event as processed (in the transaction that applied it). */
    private void awaitProcessed(StoreEvents.Event event) {
        await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "SELECT count(*) FROM dsr_kit.processed_event WHERE event_id = '" + event.id() + "'") > 0);
    }

    // ---- the store, read with plain SQL ------------------------------------------------------------------------

    /** The only pseudonym holding facts with the test's locality code. */
    private Pseudonym anonymousPseudonymOf(String marker) {
        List<byte[]> found = transactions.executeRead(status -> {
            List<byte[]> pseudonyms = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT DISTINCT pseudonym FROM reporting_fact WHERE locality = ?")) {
                select.setString(1, marker);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pseudonyms.add(rows.getBytes(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return pseudonyms;
        });
        assertThat(found).as("one pseudonym holds the marked facts").hasSize(1);
        return Pseudonym.of(found.get(0));
    }

    /** The person's facts, every column but seq, the pseudonym and the record key, sorted. */
    private List<String> factsWithoutKeys(Pseudonym person) {
        return strings("SELECT concat_ws('|', kind, occurred_on, arrived_month, code, detail, due_on, on_time, "
                + "record_key IS NOT NULL, locality, age_band, life_stage) FROM reporting_fact WHERE pseudonym = ? "
                + "ORDER BY 1", person);
    }

    private List<String> recordKeys(Pseudonym person) {
        return strings("SELECT DISTINCT encode(record_key, 'hex') FROM reporting_fact WHERE pseudonym = ? "
                + "AND record_key IS NOT NULL ORDER BY 1", person);
    }

    private List<String> strings(String sql, Pseudonym person) {
        return transactions.executeRead(status -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                select.setBytes(1, person.bytes());
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return rows;
        });
    }

    private long confirmationsInTheOutbox(UUID person) {
        return count("SELECT count(*) FROM dsr_kit.outbox_event WHERE type = '"
                + EventTypes.REPORTING_ERASURE_CONFIRMED_V1 + "' AND aggregateid = '" + person + "'");
    }

    private long count(String sql) {
        return tables.count(sql);
    }

    /** People on the register at the end of this month (live), every rating: the register-by-rating total. */
    private long peopleOnTheRegisterThisMonth() {
        YearMonth month = YearMonth.from(clock.instant().atZone(ArrivedMonth.ENGLAND));
        return figures.of(month, Set.of(Measure.REGISTER_BY_RATING)).orElseThrow().cells().stream()
                .filter(cell -> cell.dimension() == Dimension.TOTAL)
                .mapToLong(RawCell::count).sum();
    }
}
