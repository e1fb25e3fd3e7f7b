package org.opendsr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TopicReader;

/**
 * The gateway's access records on the real broker (issue 11): an allowed call and a refused one each put exactly
 * one {@code dsr.gateway.access-recorded.v1} on {@code dsr.gateway.access}, keyed by the person the path names, with
 * the subject, roles, method, the path without its query string, the status and the correlation id, valid against
 * the published schema; nothing from the query string reaches the topic.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayAccessRecordsTest implements TestPropertyProvider {

    private static final FakeBackend REFERRAL_SERVICE = FakeBackend.start();

    @Inject
    EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        int port = freePort();
        URI down = FakeBackend.nothingListening();
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("dsr.security.jwks-url", "http://127.0.0.1:" + port + "/keys");
        properties.put("dsr.security.issuer", GatewayTest.DEMO_ISSUER);
        properties.put("dsr.gateway.demo-issuer.enabled", "true");
        properties.put("dsr.security.audience", "dsr-api");
        properties.put("micronaut.http.client.read-timeout", "4s");
        properties.put("kafka.bootstrap.servers", RealKafka.get().bootstrapServers());
        properties.put("dsr.gateway.services.referral-service.url", REFERRAL_SERVICE.url().toString());
        for (String service : List.of("consent-service", "risk-service", "meeting-service", "reporting-service")) {
            properties.put("dsr.gateway.services." + service + ".url", down.toString());
        }
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
    }

    @AfterAll
    void stopBackend() {
        REFERRAL_SERVICE.close();
    }

    @Test
    void anAllowedCallIsOneRecordWithTheCallerThePersonAndNoQueryString() {
        String personId = UUID.randomUUID().toString();
        String professional = demoToken("professional");
        try (TopicReader topic = TopicReader.fromBeginning(Topics.GATEWAY_ACCESS)) {
            ApiResponse response = api.get("/api/people/" + personId + "/contacts?nhsNumber=9434765919&familyName=Smith",
                    professional, Map.of("X-Correlation-Id", "access-record-allowed-1"));
            assertThat(response.status()).isEqualTo(200);

            List<ConsumerRecord<String, String>> records = topic.awaitRecords(r -> personId.equals(r.key()), 1);

            assertThat(records).hasSize(1);
            JsonNode data = validRecord(records.get(0));
            assertThat(data.get("subject").asText()).isEqualTo("professional");
            assertThat(data.get("roles").toString()).isEqualTo("[\"PROFESSIONAL\"]");
            assertThat(data.get("method").asText()).isEqualTo("GET");
            assertThat(data.get("path").asText()).isEqualTo("/api/people/" + personId + "/contacts");
            assertThat(data.get("personId").asText()).isEqualTo(personId);
            assertThat(data.get("status").asInt()).isEqualTo(200);
            assertThat(data.get("correlationId").asText()).isEqualTo("access-record-allowed-1");
            assertThat(records.get(0).value()).doesNotContain("?").doesNotContain("nhsNumber")
                    .doesNotContain("9434765919").doesNotContain("Smith");
        }
    }

    @Test
    void aCallRefusedForWantOfATokenIsOneRecordToo() {
        String personId = UUID.randomUUID().toString();
        try (TopicReader topic = TopicReader.fromBeginning(Topics.GATEWAY_ACCESS)) {
            assertThat(api.get("/api/people/" + personId + "?familyName=Smith", null).status()).isEqualTo(401);

            List<ConsumerRecord<String, String>> records = topic.awaitRecords(r -> personId.equals(r.key()), 1);

            assertThat(records).hasSize(1);
            JsonNode data = validRecord(records.get(0));
            assertThat(data.get("subject").asText()).isEqualTo("anonymous");
            assertThat(data.get("roles").size()).isZero();
            assertThat(data.get("path").asText()).isEqualTo("/api/people/" + personId);
            assertThat(data.get("personId").asText()).isEqualTo(personId);
            assertThat(data.get("status").asInt()).isEqualTo(401);
            assertThat(records.get(0).value()).doesNotContain("Smith").doesNotContain("?");
        }
    }

    @Test
    void aPathRefusedAsAmbiguousIsRecordedWithItsStatusBeforeAnyoneIsAuthenticated() {
        String professional = demoToken("professional");
        String marker = "ambiguous-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromBeginning(Topics.GATEWAY_ACCESS)) {
            assertThat(api.get("/api/referrals/" + marker + "/%2e%2e/people?q=Smith", professional).status())
                    .isEqualTo(400);

            List<ConsumerRecord<String, String>> records =
                    topic.awaitRecords(r -> r.value().contains(marker), 1);

            assertThat(records).hasSize(1);
            JsonNode data = validRecord(records.get(0));
            assertThat(data.get("status").asInt()).isEqualTo(400);
            // Refused before security looked at the token: as anonymous as a 401.
            assertThat(data.get("subject").asText()).isEqualTo("anonymous");
            assertThat(data.has("personId")).isFalse();
            assertThat(records.get(0).value()).doesNotContain("Smith").doesNotContain("?");
        }
    }

    /** The record's value is a CloudEvent of the contract's type whose envelope and data validate; its data. */
    private static JsonNode validRecord(ConsumerRecord<String, String> record) {
        JsonNode event = json(record.value());
        var contract = EventCatalogue.of(EventTypes.GATEWAY_ACCESS_RECORDED_V1);
        assertThat(EventSchemas.envelopeProblems(event)).isEmpty();
        assertThat(event.get("type").asText()).isEqualTo(contract.type());
        assertThat(event.get("source").asText()).isEqualTo(contract.source());
        assertThat(EventSchemas.dataProblems(contract, event.get("data"))).isEmpty();
        return event.get("data");
    }

    private static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String demoToken(String username) {
        ApiResponse response = api.post("/auth/demo-token", null, Map.of("username", username));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
