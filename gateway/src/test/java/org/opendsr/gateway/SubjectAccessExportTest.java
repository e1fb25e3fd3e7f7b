package org.opendsr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * The gateway composing a subject access export (issue 16) over stand-ins for the services (each service's own
 * contribution, access decision and audit are tested in that service): every part fetched with the caller's token,
 * each service's progress recorded in referral-service (CONTRIBUTED, or PENDING for a service that answers with an
 * error, too slowly, or not at all), one JSON document with the request, the parts, what was redacted and what is
 * missing, and one HTML document with everything escaped. referral-service's refusal of the request is passed on.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessExportTest implements TestPropertyProvider {

    static final UUID REQUEST = UUID.randomUUID();
    static final UUID PERSON = UUID.randomUUID();
    /** A request referral-service fails on (a 500). */
    static final UUID BROKEN = UUID.randomUUID();
    static final String ESCAPE_ME = "<script>alert('x')</script> & \"quotes\"";

    private static final StandIn REFERRAL_SERVICE = StandIn.start("referral-service");
    private static final StandIn CONSENT_SERVICE = StandIn.start("consent-service");
    /** Answers after the gateway has stopped waiting for its part. */
    private static final StandIn RISK_SERVICE = StandIn.start("risk-service");

    @Inject
    EmbeddedServer server;

    private ApiClient api;
    private String lead;
    private String dsrTeam;

    @Override
    public Map<String, String> getProperties() {
        int port = freePort();
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("dsr.security.jwks-url", "http://127.0.0.1:" + port + "/keys");
        properties.put("dsr.security.issuer", GatewayTest.DEMO_ISSUER);
        properties.put("dsr.gateway.demo-issuer.enabled", "true");
        properties.put("dsr.security.audience", "dsr-api");
        properties.put("dsr.gateway.access-records.enabled", "false");
        properties.put("dsr.gateway.subject-access.part-timeout", "2s");
        properties.put("dsr.gateway.services.referral-service.url", REFERRAL_SERVICE.url().toString());
        properties.put("dsr.gateway.services.consent-service.url", CONSENT_SERVICE.url().toString());
        properties.put("dsr.gateway.services.risk-service.url", RISK_SERVICE.url().toString());
        // meeting-service is down.
        properties.put("dsr.gateway.services.meeting-service.url", FakeBackend.nothingListening().toString());
        properties.put("dsr.gateway.services.reporting-service.url", FakeBackend.nothingListening().toString());
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        lead = demoToken("dsr-lead");
        dsrTeam = demoToken("dsr-team");
        REFERRAL_SERVICE.leadToken = lead;
        CONSENT_SERVICE.leadToken = lead;
        RISK_SERVICE.leadToken = lead;
        RISK_SERVICE.delayMillis = 5000;
    }

    @BeforeEach
    void forget() {
        REFERRAL_SERVICE.received.clear();
        CONSENT_SERVICE.received.clear();
        RISK_SERVICE.received.clear();
    }

    @AfterAll
    void stop() {
        REFERRAL_SERVICE.close();
        CONSENT_SERVICE.close();
        RISK_SERVICE.close();
    }

    private ApiResponse export(String query, String token) {
        return api.post("/api/subject-access-requests/" + REQUEST + "/export" + query, token, Map.of());
    }

    @Test
    void theExportHoldsEveryPartThatCameAndNamesThoseThatDidNot() {
        ApiResponse response = export("", lead);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("content-disposition")).contains("subject-access-" + REQUEST + ".json");
        JsonNode document = response.json();
        assertThat(document.get("requestId").asText()).isEqualTo(REQUEST.toString());
        assertThat(document.get("personId").asText()).isEqualTo(PERSON.toString());
        assertThat(document.get("generatedAt").asText()).isNotBlank();
        assertThat(document.get("request").get("dueOn").asText()).isEqualTo("2026-12-01");
        assertThat(document.get("complete").asBoolean()).isFalse();
        assertThat(document.get("parts").get("referral-service").get("sections").get("referrals").get(0)
                .get("reasonForReferral").asText()).isEqualTo(ESCAPE_ME);
        assertThat(document.get("parts").has("consent-service")).isTrue();
        assertThat(document.get("parts").has("risk-service")).isFalse();
        assertThat(document.get("missing").findValuesAsText("service"))
                .containsExactly("risk-service", "meeting-service");
        assertThat(document.get("missing").findValuesAsText("reason"))
                .containsExactly("risk-service did not answer in time", "meeting-service is not available");
        assertThat(document.get("redacted").findValuesAsText("service"))
                .containsExactly("referral-service", "consent-service");
        assertThat(document.get("progressRecorded").asBoolean()).isTrue();

        // Each part asked for with the lead's own token; the progress of every service recorded.
        assertThat(CONSENT_SERVICE.received).containsExactly(
                "GET /subject-access/consent-service/people/" + PERSON + " lead");
        assertThat(REFERRAL_SERVICE.received).contains(
                "GET /subject-access-requests/" + REQUEST + " lead",
                "GET /subject-access/referral-service/people/" + PERSON + " lead",
                "PUT /subject-access-requests/" + REQUEST + "/progress/referral-service lead CONTRIBUTED",
                "PUT /subject-access-requests/" + REQUEST + "/progress/consent-service lead CONTRIBUTED",
                "PUT /subject-access-requests/" + REQUEST + "/progress/risk-service lead PENDING",
                "PUT /subject-access-requests/" + REQUEST + "/progress/meeting-service lead PENDING");
    }

    @Test
    void theHtmlDocumentShowsEveryPartEscaped() {
        ApiResponse response = export("?format=html", lead);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("content-disposition")).contains("subject-access-" + REQUEST + ".html");
        String html = response.text();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).doesNotContain("<script>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(html).contains("What referral-service holds", "What consent-service holds", "Reason for referral",
                "Key professionals", "Nothing held.", "This export is incomplete", "meeting-service is not available",
                "left out (recorded by the DSR)", PERSON.toString(), "2026-12-01");
    }

    @Test
    void aCallerReferralServiceRefusesGetsItsAnswerAndNothingIsGathered() {
        ApiResponse response = export("", dsrTeam);

        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(CONSENT_SERVICE.received).isEmpty();
        assertThat(REFERRAL_SERVICE.received).containsExactly("GET /subject-access-requests/" + REQUEST + " other");
    }

    @Test
    void withoutATokenOrWithAnUnknownFormatTheExportIsRefused() {
        assertThat(export("", null).status()).isEqualTo(401);
        ApiResponse format = export("?format=pdf", lead);
        assertThat(format.status()).as(format.text()).isEqualTo(400);
        assertThat(format.text()).contains("format");
    }

    @Test
    void whenReferralServiceCannotGiveTheRequestTheExportIsUnavailableNotFailed() {
        ApiResponse response = api.post("/api/subject-access-requests/" + BROKEN + "/export", lead, Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).contains("referral-service");
        assertThat(CONSENT_SERVICE.received).isEmpty();
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

    /**
     * Stands in for a service: its part (and, as referral-service, the request and its progress) for the lead's
     * token, a 403 problem for any other; records "METHOD path lead|other [progress]" for each request.
     */
    static final class StandIn implements AutoCloseable {

        final String service;
        final HttpServer server;
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile String leadToken;
        /** How long it holds each answer (past the gateway's wait for a part), unless it is closed first. */
        volatile long delayMillis;
        private final CountDownLatch closed = new CountDownLatch(1);

        private StandIn(String service, HttpServer server) {
            this.service = service;
            this.server = server;
        }

        static StandIn start(String service) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                StandIn standIn = new StandIn(service, server);
                server.createContext("/", standIn::handle);
                server.setExecutor(Executors.newCachedThreadPool());
                server.start();
                return standIn;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getRawPath();
                boolean isLead = ("Bearer " + leadToken).equals(exchange.getRequestHeaders().getFirst("Authorization"));
                String progress = body.contains("CONTRIBUTED") ? " CONTRIBUTED" : body.contains("PENDING") ? " PENDING" : "";
                received.add(exchange.getRequestMethod() + " " + path + (isLead ? " lead" : " other") + progress);
                if (delayMillis > 0) {
                    try {
                        closed.await(delayMillis, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (path.contains(BROKEN.toString())) {
                    respond(exchange, 500, "application/problem+json", "{\"status\":500}");
                } else if (!isLead) {
                    respond(exchange, 403, "application/problem+json", "{\"type\":\"urn:dsr:problem:forbidden\","
                            + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"only a DSR lead\"}");
                } else if (path.startsWith("/subject-access-requests/")) {
                    respond(exchange, 200, "application/json", "{\"requestId\":\"" + REQUEST + "\",\"personId\":\""
                            + PERSON + "\",\"receivedOn\":\"2026-11-01\",\"requestedBy\":\"THE_PERSON\","
                            + "\"dueOn\":\"2026-12-01\",\"state\":\"OPEN\"}");
                } else if (path.equals("/subject-access/" + service + "/people/" + PERSON)) {
                    respond(exchange, 200, "application/json", partOf(service));
                } else {
                    respond(exchange, 404, "application/problem+json", "{\"status\":404}");
                }
            }
        }

        private static String partOf(String service) {
            String sections = service.equals("referral-service")
                    ? "{\"referrals\":[{\"referralId\":\"r1\",\"reasonForReferral\":"
                    + ApiClient.JSON.valueToTree(ESCAPE_ME) + ",\"complete\":true}],\"keyProfessionals\":[]}"
                    : "{\"consents\":[{\"basis\":\"INFORMED_CONSENT\",\"state\":\"ACTIVE\"}]}";
            return "{\"service\":\"" + service + "\",\"personId\":\"" + PERSON + "\",\"compiledAt\":"
                    + "\"2026-12-05T10:00:00Z\",\"sections\":" + sections + ",\"redacted\":[{\"section\":\"consents\","
                    + "\"field\":\"recordedBy\",\"replacedBy\":\"left out (recorded by the DSR)\",\"why\":\"staff\"}]}";
        }

        private static void respond(HttpExchange exchange, int status, String contentType, String body)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
