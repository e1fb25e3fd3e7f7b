package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.deadletters.DeadLetterSweep;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * referral-service's dead-letter office (service-kit) for the agency inbound topics, the only ones carrying personal
 * data (issue 16): an agency's referral it could not take is kept from the agency's own dead-letter topic, listed to a
 * lead with its reason but without the record's value or key (an NHS number), and after seven days (the test clock)
 * its personal data is gone, so it can no longer be replayed; only a lead may see it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyDeadLettersTest extends ReferralServiceUnderTest {

    private static final String OFFICE = "/dead-letters/referral-service";

    @Inject
    MovableClock clock;

    @Inject
    DeadLetterSweep sweep;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // The test sweeps once it has moved the clock.
        properties.put("dsr.dead-letters.sweep-initial-delay", "1h");
        return properties;
    }

    @Test
    void anAgencysDeadLetterIsListedWithoutPersonalDataAndRedactedAfterSevenDays() {
        // A referral whose NHS number is held for someone born on another day: refused, to the agency's .dlt.
        String nhsNumber = TestNhsNumbers.next();
        journeys.refer(TestTokens.get().tokenFor("sam.patel", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber).with("dateOfBirth", "2008-09-02"));
        String givenName = "Riley" + TestNames.suffix();
        ObjectNode referral = EventsOnTopics.goldenSample(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, data -> {
            data.put("agencyReference", "WC-" + UUID.randomUUID());
            ((ObjectNode) data.get("person")).put("nhsNumber", nhsNumber).put("givenName", givenName);
        });
        String eventId = referral.get("id").asText();
        events.publishAgencyEvent(referral, nhsNumber);

        JsonNode listed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> listedWith(eventId), found -> found != null);
        assertThat(listed.get("consumerGroup").asText()).isEqualTo("referral-service.agency-inbound");
        assertThat(listed.get("originalTopic").asText()).isEqualTo(Topics.agencyInbound(AgencyTopics.WILTSHIRE_COUNCIL));
        assertThat(listed.get("reasonCode").asText()).isEqualTo("REJECTED_BY_HANDLER");
        assertThat(listed.get("reason").asText()).isEqualTo(
                "person.nhsNumber: the NHS number is held for a person whose date of birth differs; check both");
        assertThat(listed.get("carriesPersonalData").asBoolean()).isTrue();
        assertThat(listed.has("key")).as("an agency's key is an NHS number").isFalse();
        assertThat(listed.toString()).doesNotContain(nhsNumber, givenName, "Sample", "2008-09-01", "SN1 2JH",
                "Example Street");
        String deadLetterId = listed.get("deadLetterId").asText();
        assertThat(storedRecord(deadLetterId)).contains(nhsNumber, givenName);

        for (String refused : List.of(TestTokens.get().tokenFor("dsr-team-1", DsrRoles.DSR_TEAM),
                TestTokens.get().tokenFor("sam.patel", DsrRoles.PROFESSIONAL),
                TestTokens.get().tokenFor("agency-1", DsrRoles.AGENCY_SYSTEM))) {
            assertThat(api.get(OFFICE, refused).status()).isEqualTo(403);
            assertThat(api.post(OFFICE + "/" + deadLetterId + "/replay", refused, Map.of()).status()).isEqualTo(403);
        }

        clock.advance(Duration.ofDays(6));
        sweep.sweep();
        assertThat(storedRecord(deadLetterId)).as("not yet seven days").contains(nhsNumber);

        clock.advance(Duration.ofDays(2));
        sweep.sweep();
        String redacted = storedRecord(deadLetterId);
        assertThat(redacted).contains(eventId, EventTypes.AGENCY_REFERRAL_SUBMITTED_V1)
                .doesNotContain(nhsNumber).doesNotContain(givenName).doesNotContain("Sample")
                .doesNotContain("2008-09-01").doesNotContain("SN1 2JH").doesNotContain("Example Street");
        assertThat(listedWith(eventId).path("redactedAt").asText()).isNotBlank();

        ApiResponse replay = api.post(OFFICE + "/" + deadLetterId + "/replay", journeys.dsrLead(), Map.of());
        assertThat(replay.status()).as(replay.text()).isEqualTo(409);
        assertThat(replay.json().get("type").asText()).isEqualTo("urn:dsr:problem:dead-letter-redacted");
    }

    private JsonNode listedWith(String eventId) {
        ApiResponse page = api.get(OFFICE + "?limit=200&state=WAITING", journeys.dsrLead());
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        for (JsonNode item : page.json().path("items")) {
            if (eventId.equals(item.path("eventId").asText(null))) {
                return item;
            }
        }
        return null;
    }

    /** What the office holds of the record: its key, value and headers. */
    private String storedRecord(String deadLetterId) {
        return String.join(" ", database.column("SELECT coalesce(record_key, '') || ' '"
                + " || coalesce(convert_from(record_value, 'UTF8'), '') || ' ' || coalesce(headers::text, '')"
                + " FROM dsr_kit.dead_letter WHERE id = ?::uuid", deadLetterId));
    }
}
