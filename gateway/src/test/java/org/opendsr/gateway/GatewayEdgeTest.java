package org.opendsr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The gateway's edge: ambiguous raw paths refused with 400 before anything is relayed (sent over a plain socket,
 * exactly as written, since an HTTP client would normalise them), the raw path forwarded, per-user rate limits
 * (tiny here) answered with 429 and Retry-After, and the security headers on every answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayEdgeTest implements TestPropertyProvider {

    private static final FakeBackend REFERRAL_SERVICE = FakeBackend.start();
    private static final int READS = 3;
    private static final int REFERRAL_SUBMISSIONS = 2;

    @Inject
    EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        URI down = FakeBackend.nothingListening();
        Map<String, String> properties = new HashMap<>(TestTokens.get().serviceProperties());
        properties.put("micronaut.server.port", "-1");
        // Tiny limits, and a period far longer than the test, so nothing refills while it runs.
        properties.put("dsr.gateway.rate-limits.reads", Integer.toString(READS));
        properties.put("dsr.gateway.rate-limits.referral-submissions", Integer.toString(REFERRAL_SUBMISSIONS));
        properties.put("dsr.gateway.rate-limits.period", "1h");
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

    // ---- paths --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/referrals%2Fedge-1",
            "/api/referrals/%2E%2E/people/edge-2",
            "/api/referrals/%2e%2E/people/edge-3",
            "/api/referrals/../people/edge-4",
            "/api/referrals/./edge-5",
            "/api/referrals/edge-6%3Fadmin=true",
            "/api/referrals/edge-7%23x",
            "/api/referrals%5Cedge-8",
            "/api//referrals/edge-9",
            "/api/referrals/edge-10%00",
            "/api/referrals/edge-11%0D%0AX-Injected:%20yes",
            "/api/referrals/%C0%AEedge-14",
            "/api/referrals/%252E%252Eedge-15"})
    void anAmbiguousPathIsRefusedWith400NamingThePathAndNothingIsRelayed(String path) throws IOException {
        RawAnswer answer = rawGet(path, token("edge-paths-" + UUID.randomUUID()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text()).containsIgnoringCase("content-type: application/problem+json")
                .contains("\"field\":\"path\"");
        String marker = path.replaceAll(".*(edge-\\d+).*", "$1");
        assertThat(REFERRAL_SERVICE.received()).noneMatch(received -> received.path().contains(marker));
    }

    /** Some are refused by Micronaut itself ("Malformed URI") before the gateway's check: 400 all the same. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/referrals/edge-12%zz", "/api/referrals/edge-13%", "/api/referrals\\edge-20",
            "/api/referrals/edge-21\u0001", "/api/referrals/edge 22",
            "/api/referrals/edge-23|x", "/api/referrals/\u00e9dge-24"})
    void anOddCharacterNeverGivesA500NorReachesTheService(String path) throws IOException {
        RawAnswer answer = rawGet(path, token("edge-odd-" + UUID.randomUUID()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text()).containsIgnoringCase("content-type: application/problem+json");
        String marker = path.replaceAll(".*(edge.\\d+).*", "$1");
        assertThat(REFERRAL_SERVICE.received()).noneMatch(received -> received.path().contains(marker));
    }

    @Test
    void theRawPathIsForwardedNormalisedNeverRebuiltFromTheDecodedOne() throws IOException {
        String id = UUID.randomUUID().toString();

        RawAnswer answer = rawGet("/api/referrals/" + id + "/%61%2D%7e/with%20space", token("edge-forward"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(REFERRAL_SERVICE.receivedAt("/referrals/" + id + "/a-~/with%20space")).hasSize(1);
    }

    // ---- rate limits --------------------------------------------------------------------------------------------

    @Test
    void readsPastTheLimitAreRefusedWith429AndRetryAfterForThatUserOnly() {
        String busy = token("edge-busy-reader");
        for (int i = 0; i < READS; i++) {
            assertThat(api.get("/api/referrals/" + UUID.randomUUID(), busy).status()).isEqualTo(200);
        }

        ApiResponse refused = api.get("/api/referrals/" + UUID.randomUUID(), busy);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, Duration.ofHours(1).toSeconds());
        assertThat(api.get("/api/referrals/" + UUID.randomUUID(), token("edge-another-reader")).status())
                .as("another user has their own allowance").isEqualTo(200);
    }

    @Test
    void referralSubmissionsPastTheLimitAreRefusedWith429() {
        String referrer = token("edge-busy-referrer");
        for (int i = 0; i < REFERRAL_SUBMISSIONS; i++) {
            assertThat(api.postRaw("/api/referrals", referrer, "{}", Map.of()).status()).isEqualTo(200);
        }

        ApiResponse refused = api.postRaw("/api/referrals", referrer, "{}", Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.json().get("detail").asText()).contains("referral submissions");
        assertThat(api.postRaw("/api/referrals/" + UUID.randomUUID() + "/contact", referrer, "{}", Map.of()).status())
                .as("other changes are not referral submissions").isEqualTo(200);
    }

    // ---- security headers ---------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws IOException {
        List<ApiResponse> answers = List.of(
                api.get("/api/referrals/" + UUID.randomUUID(), token("edge-headers-1")),
                api.get("/api/referrals/missing", token("edge-headers-2")),
                api.get("/api/referrals/" + UUID.randomUUID(), null),
                api.get("/api/nothing-here", token("edge-headers-3")),
                api.get("/api/consents/" + UUID.randomUUID(), token("edge-headers-4")));
        assertThat(answers).extracting(ApiResponse::status).containsExactly(200, 404, 401, 404, 503);
        for (ApiResponse answer : answers) {
            assertThat(answer.header("Cache-Control")).as(answer.status() + " " + answer.headers()).isEqualTo("no-store");
            assertThat(answer.header("Pragma")).isEqualTo("no-cache");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Strict-Transport-Security")).startsWith("max-age=");
            assertThat(answer.headers().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("cache-control"))
                    .mapToInt(header -> header.getValue().size()).sum()).as("once, even when relayed").isEqualTo(1);
        }
        assertThat(rawGet("/api/referrals/%2E%2E", token("edge-headers-5")).text()).containsIgnoringCase("cache-control: no-store");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String token(String subject) {
        return TestTokens.get().tokenFor(subject, DsrRoles.PROFESSIONAL);
    }

    private record RawAnswer(int status, String text) {
    }

    /** The head and, by its Content-Length, the body: a relayed answer may keep the connection open. */
    private static String readAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        if (length.find()) {
            text += new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1);
        }
        return text;
    }

    /** A GET with the request target exactly as given, byte for byte (ISO-8859-1, so odd bytes stay odd). */
    private RawAnswer rawGet(String target, String token) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String text = readAnswer(socket.getInputStream());
            String[] statusLine = text.split("\r\n", 2)[0].split(" ");
            return new RawAnswer(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, text);
        }
    }
}
