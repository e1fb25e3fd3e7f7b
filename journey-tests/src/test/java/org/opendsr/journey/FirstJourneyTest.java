package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.local.LocalDsr;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * The first journey, through the started system, not inside one service: a professional refers someone through the
 * gateway; referral-service stores them and publishes ReferralReceived through its outbox; reporting-service counts
 * it without any personal data; an analyst reads the disclosure-controlled count through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DsrJourney.class)
class FirstJourneyTest {

    /** This journey's people all live here; other journeys use other localities, so its counts are its own. */
    private static final String LOCALITY = "BATH_AND_NORTH_EAST_SOMERSET";

    private LocalDsr dsr;
    private ApiClient gateway;
    private final List<Map<String, Object>> referred = new ArrayList<>();

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        dsr = system.dsr;
        gateway = system.gateway;
    }

    @Test
    @Order(1)
    void aProfessionalsReferralIsCountedForAnalystsWithoutPersonalData() {
        String professional = tokenFor("professional");
        String analyst = tokenFor("analyst");
        String correlationId = "journey-" + UUID.randomUUID();

        try (TopicReader referralEvents = TopicReader.fromBeginning(dsr.kafkaBootstrapServers(), Topics.REFERRAL_EVENTS)) {
            Map<String, Object> first = referral("Jamie", "Example", "2011-06-15", "9990000018", "SN1 2JH");
            ApiResponse created = gateway.post("/api/referrals", professional, first,
                    Map.of("X-Correlation-Id", correlationId));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
            String personId = created.json().get("personId").asText();

            // The person's care team is announced beside the referral (issue 11); this is about the referral.
            var event = referralEvents.awaitRecord(record -> personId.equals(record.key())
                    && record.value().contains("\"type\":\"" + EventTypes.REFERRAL_RECEIVED_V1 + "\""));
            JsonNode cloudEvent = json(event.value());
            assertThat(cloudEvent.get("type").asText()).isEqualTo(EventTypes.REFERRAL_RECEIVED_V1);
            assertThat(cloudEvent.get("correlationid").asText()).isEqualTo(correlationId);
            assertThat(EventSchemas.envelopeProblems(cloudEvent)).isEmpty();
            assertThat(EventSchemas.dataProblems(EventCatalogue.of(EventTypes.REFERRAL_RECEIVED_V1),
                    cloudEvent.get("data"))).isEmpty();
            assertThat(event.value()).doesNotContain("Jamie", "Example", "2011-06-15", "9990000018", "SN1 2JH");
        }

        // One referral: published as "*" (1 to 7 are suppressed).
        await().atMost(Duration.ofSeconds(60)).until(() -> "*".equals(reportedForLocality(analyst)));

        for (int i = 1; i <= 7; i++) {
            ApiResponse created = gateway.post("/api/referrals", professional,
                    referral("Person" + i, "Journey", "1990-01-0" + i, null, "BA1 1AA"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        // Eight referrals: rounded to the nearest 5.
        await().atMost(Duration.ofSeconds(60)).until(() -> "10".equals(reportedForLocality(analyst)));

        JsonNode report = gateway.get(referralsReceivedThisMonth(), analyst).json();
        List<String> routes = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (JsonNode cell : report.get("measures").get(0).get("cells")) {
            if (cell.get("dimension").asText().equals("REFERRAL_SOURCE")) {
                routes.add(cell.get("category").asText());
            } else if (cell.get("dimension").asText().equals("TOTAL")) {
                totals.add(cell.get("value").asText());
            }
        }
        assertThat(routes).contains("PROFESSIONAL");
        assertThat(totals).singleElement().asString().matches("\\*|[0-9]+");
        assertThat(report.get("disclosureControl").asText()).isNotBlank();

        // The correlation id went HTTP -> referral-service -> event -> reporting-service.
        assertThat(logOf("referral-service")).contains(correlationId);
        assertThat(logOf("reporting-service")).contains(correlationId);
    }

    @Test
    @Order(2)
    void noPersonalDataReachedAnyLogOrTheReportingService() throws IOException {
        List<String> identifiers = new ArrayList<>(List.of("Jamie", "9990000018", "999 000 0018", "2011-06-15", "SN1 2JH"));
        for (Map<String, Object> referral : referred) {
            identifiers.add((String) referral.get("givenName"));
        }
        try (Stream<Path> logs = Files.list(dsr.logDirectory())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                for (String identifier : identifiers) {
                    assertThat(text).as("%s must not contain personal data", log.getFileName()).doesNotContain(identifier);
                }
            }
        }
    }

    @Test
    @Order(3)
    void theGatewayAndEachServiceRefuseWhatTheCallerMayNotDo() {
        ApiResponse anonymous = gateway.post("/api/referrals", null, referral("A", "B", "2000-01-01", null, "SN1 2JH"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        ApiResponse professionalReadsReports = gateway.get(referralsReceivedThisMonth(), tokenFor("professional"));
        assertThat(professionalReadsReports.status()).isEqualTo(403);
        assertThat(professionalReadsReports.contentType()).startsWith("application/problem+json");

        ApiResponse analystRefers = gateway.post("/api/referrals", tokenFor("analyst"),
                referral("A", "B", "2000-01-01", null, "SN1 2JH"));
        assertThat(analystRefers.status()).isEqualTo(403);

        ApiResponse badField = gateway.post("/api/referrals", tokenFor("professional"),
                referral("A", "B", "2000-01-01", "9434765918", "SN1 2JH"));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().get("errors").findValuesAsText("field")).containsExactly("nhsNumber");
    }

    @Test
    @Order(4)
    void theApiIsDocumentedInOneSwaggerUi() {
        assertThat(gateway.get("/docs/index.html", null).status()).isEqualTo(200);
        assertThat(gateway.get("/swagger-ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
        ApiResponse spec = gateway.get("/specs/referral-service.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.text()).contains("/referrals");
    }

    private Map<String, Object> referral(String givenName, String familyName, String dateOfBirth, String nhsNumber,
                                         String postcode) {
        Map<String, Object> referral = new java.util.HashMap<>(Map.of(
                "givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth,
                "postcode", postcode, "locality", LOCALITY,
                "reasonForReferral", "Placement at risk of breaking down",
                "currentIssues", "Escalating distress at home and school",
                "indicativeRag", "AMBER"));
        if (nhsNumber != null) {
            referral.put("nhsNumber", nhsNumber);
        }
        referred.add(referral);
        return referral;
    }

    private String tokenFor(String username) {
        ApiResponse token = gateway.post("/auth/demo-token", null, Map.of("username", username));
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }

    private String reportedForLocality(String analystToken) {
        ApiResponse report = gateway.get(referralsReceivedThisMonth(), analystToken);
        if (report.status() != 200) {
            return "status " + report.status();
        }
        for (JsonNode cell : report.json().get("measures").get(0).get("cells")) {
            if (cell.get("dimension").asText().equals("LOCALITY") && cell.get("category").asText().equals(LOCALITY)) {
                return cell.get("value").asText();
            }
        }
        return "no " + LOCALITY + " cell";
    }

    /**
     * This month's referrals received (the live, provisional figure), in the month referral-service's clock is in:
     * another journey may have moved the clocks on, and the referrals are received on referral-service's day.
     */
    private String referralsReceivedThisMonth() {
        ApiResponse now = new ApiClient(dsr.serviceUrl("referral-service")).get("/testing/clock", null);
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        YearMonth month = YearMonth.from(LocalDate.ofInstant(Instant.parse(now.json().get("now").asText()),
                ZoneId.of("Europe/London")));
        return "/api/reports/" + month + "?measure=referrals-received";
    }

    private String logOf(String component) {
        try {
            return Files.readString(dsr.logDirectory().resolve(component + ".log"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
