package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The gateway's access records (dsr.gateway.access, built from the golden sample) land in referral-service's audit
 * trail, on the person's trail and the caller's, once each even when the topic delivers a record twice, with the
 * outcome read from the status; a lead reads them through the same endpoints as the service's own entries.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayAccessAuditTest extends ReferralServiceUnderTest {

    private static final String GROUP = "referral-service.gateway-access";

    private String lead;
    private String referrer;

    @BeforeAll
    void signIn() {
        lead = journeys.dsrLead();
        referrer = TestTokens.get().tokenFor("jo.winters@swindon-cldt.example", DsrRoles.PROFESSIONAL);
    }

    /** The gateway's record of one call, as a CloudEvent with a fresh id. */
    private static ObjectNode accessRecord(String subject, String method, String path, String personId, int status) {
        ObjectNode event = EventsOnTopics.goldenSample(EventTypes.GATEWAY_ACCESS_RECORDED_V1, data -> {
            data.put("subject", subject).put("method", method).put("path", path).put("status", status)
                    .put("occurredAt", Instant.now().toString()).put("correlationId", "access-test-" + status);
            data.putArray("roles").add(DsrRoles.PROFESSIONAL);
            if (personId == null) {
                data.remove("personId");
            } else {
                data.put("personId", personId);
            }
        });
        event.put("id", UUID.randomUUID().toString()).put("subject", personId != null ? personId : subject);
        return event;
    }

    private void deliver(ObjectNode event) {
        String key = event.get("subject").asText();
        events.send(Topics.GATEWAY_ACCESS, key, EventsOnTopics.bytes(event));
    }

    /** The copied access records on a page of a trail (a person's trail also holds the service's own entries). */
    private static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(entry -> lines.add(entry.get("actor").asText() + " " + entry.get("action").asText()
                + " " + entry.get("what").asText() + " " + entry.get("outcome").asText()));
        return lines.stream().filter(line -> line.contains(" API_CALL ")).toList();
    }

    private JsonNode read(String path) {
        ApiResponse response = api.get(path, lead);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anAccessRecordDeliveredTwiceIsOnThePersonsAndTheUsersTrailOnce() {
        String personId = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()).get("personId").asText();
        String subject = "gateway-test-" + UUID.randomUUID();
        ObjectNode refused = accessRecord(subject, "GET", "/api/people/" + personId, personId, 404);

        deliver(refused);
        deliver(refused);
        ObjectNode later = accessRecord(subject, "PUT", "/api/people/" + personId + "/diagnosis", personId, 200);
        deliver(later);
        database.awaitHandled(GROUP, refused.get("id").asText());
        database.awaitHandled(GROUP, later.get("id").asText());

        List<String> personTrail = lines(read("/people/" + personId + "/audit?size=200"));
        assertThat(personTrail).containsExactly(
                subject + " API_CALL PUT /api/people/" + personId + "/diagnosis -> 200 ALLOWED",
                subject + " API_CALL GET /api/people/" + personId + " -> 404 NOT_FOUND");
        assertThat(lines(read("/audit/users/" + subject + "?size=200"))).isEqualTo(personTrail);
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE source_id = ?",
                refused.get("id").asText())).isEqualTo(1);
    }

    @Test
    void aCallAboutNoOnePersonIsOnTheUsersTrailWithItsOutcomeFromTheStatus() {
        String subject = "gateway-test-" + UUID.randomUUID();
        List<ObjectNode> calls = List.of(
                accessRecord(subject, "GET", "/api/register", null, 401),
                accessRecord(subject, "GET", "/api/register", null, 403),
                accessRecord(subject, "GET", "/api/register", null, 429),
                accessRecord(subject, "POST", "/api/referrals", null, 400),
                accessRecord(subject, "GET", "/api/register", null, 302));
        calls.forEach(this::deliver);
        calls.forEach(call -> database.awaitHandled(GROUP, call.get("id").asText()));

        assertThat(lines(read("/audit/users/" + subject + "?size=200"))).containsExactlyInAnyOrder(
                subject + " API_CALL GET /api/register -> 401 REFUSED",
                subject + " API_CALL GET /api/register -> 403 REFUSED",
                subject + " API_CALL GET /api/register -> 429 REFUSED",
                subject + " API_CALL POST /api/referrals -> 400 FAILED",
                subject + " API_CALL GET /api/register -> 302 ALLOWED");
    }
}
