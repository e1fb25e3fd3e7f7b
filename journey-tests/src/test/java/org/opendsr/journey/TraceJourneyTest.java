package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.Topics;
import org.opendsr.local.LocalDsr;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * One trace across the started system: a referral POSTed to the gateway under a caller's trace context is followed,
 * by its trace id, through the gateway, referral-service (request and outbox), the event on the topic, and the
 * processing of that event in consent-service and reporting-service. Each process writes the trace id into its JSON
 * log lines; nothing is exported (no collector is configured), which is also what the README's local run does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DsrJourney.class)
class TraceJourneyTest {

    private LocalDsr dsr;
    private ApiClient gateway;
    private String professional;

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        dsr = system.dsr;
        gateway = system.gateway;
        professional = system.tokenFor("professional");
    }

    @Test
    void oneTraceIdSpansTheReferralThroughTheGatewayAndTheConsumersOfItsEvent() throws IOException {
        String traceId = HexFormat.of().formatHex(nonZeroRandom(16));
        String callerSpanId = HexFormat.of().formatHex(nonZeroRandom(8));

        try (TopicReader referralEvents = TopicReader.fromBeginning(dsr.kafkaBootstrapServers(), Topics.REFERRAL_EVENTS)) {
            ApiResponse created = gateway.post("/api/referrals", professional, Map.of(
                            "givenName", "Trace", "familyName", "Journey", "dateOfBirth", "2010-03-04",
                            "postcode", "SN1 2JH", "locality", "SWINDON",
                            "reasonForReferral", "Placement at risk of breaking down",
                            "currentIssues", "Escalating distress at home and school", "indicativeRag", "AMBER"),
                    Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String personId = created.json().get("personId").asText();

            var event = referralEvents.awaitRecord(record -> personId.equals(record.key()));
            JsonNode cloudEvent = ApiClient.JSON.readTree(event.value());
            String traceparent = TopicReader.header(event, "traceparent");
            assertThat(traceparent).startsWith("00-" + traceId + "-");
            assertThat(cloudEvent.get("traceparent").asText()).isEqualTo(traceparent);
        }

        // Each process's log lines of this trace, read from its JSON log.
        for (String component : List.of("gateway", "referral-service", "consent-service", "reporting-service")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(linesOfTrace(component, traceId))
                    .as("%s logs a line of trace %s", component, traceId).isNotEmpty());
        }
        // The consumers log their processing of the event inside their span of that trace.
        for (String consumer : List.of("consent-service", "reporting-service")) {
            assertThat(linesOfTrace(consumer, traceId)).anySatisfy(line -> {
                assertThat(line.path("message").asText()).contains(" applied event ");
                assertThat(line.path("span_id").asText()).matches("[0-9a-f]{16}");
            });
        }
    }

    private List<JsonNode> linesOfTrace(String component, String traceId) {
        try {
            return Files.readAllLines(dsr.logDirectory().resolve(component + ".log")).stream()
                    .filter(line -> line.startsWith("{") && line.contains(traceId))
                    .map(TraceJourneyTest::json)
                    .filter(line -> traceId.equals(line.path("trace_id").asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return ApiClient.JSON.readTree(line);
        } catch (IOException e) {
            return ApiClient.JSON.createObjectNode();
        }
    }

    private static byte[] nonZeroRandom(int length) {
        byte[] bytes = new byte[length];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (bytes[0] == 0);
        return bytes;
    }
}
