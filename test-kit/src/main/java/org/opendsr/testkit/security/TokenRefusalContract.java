package org.opendsr.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.TestTokens;

/**
 * The tokens every DSR process (the gateway and each service) must refuse with 401, and the one it must accept,
 * signed by (or forged against) the test issuer it trusts ({@link TestTokens}). Implement it in a test class that
 * starts the process; each check is one test here:
 *
 * <pre>{@code
 * class SomethingTest implements TokenRefusalContract, TestPropertyProvider {
 *     public String tokenRefusalBaseUrl() { return server.getURL().toString(); }
 *     // properties: TestTokens.get().serviceProperties() and TokenProbe.PROPERTY=true (or override securedPath())
 * }
 * }</pre>
 */
public interface TokenRefusalContract {

    /** Where the process under test answers, e.g. {@code server.getURL().toString()}. */
    String tokenRefusalBaseUrl();

    /** A GET path the process answers only for an authenticated caller (not 401 for a token it accepts). */
    default String securedPath() {
        return TokenProbe.PATH;
    }

    /** The audience the process was started with ({@code dsr.security.audience}). */
    default String expectedAudience() {
        return TestTokens.AUDIENCE;
    }

    // ---- the one that must be accepted ------------------------------------------------------------------------------

    @Test
    default void aTokenFromTheTrustedIssuerForThisAudienceIsAccepted() {
        assertThat(statusWith(token(Map.of()))).as("a good token").isNotEqualTo(401);
    }

    // ---- the ones that must be refused ------------------------------------------------------------------------------

    @Test
    default void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(claims(Map.of())).serialize();
        assertRefused(unsigned, "alg: none");
        // The same with an empty signature part re-attached, and with the header spelled "None".
        assertRefused(base64("{\"alg\":\"None\",\"typ\":\"JWT\"}") + "." + unsigned.split("\\.")[1] + ".", "alg: None");
    }

    @Test
    default void anHmacTokenSignedWithTheProvidersPublicKeyIsRefused() throws JOSEException {
        byte[] der = TestTokens.get().publicKey().toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(pem.getBytes(StandardCharsets.US_ASCII), der,
                TestTokens.get().publicKey().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(TestTokens.get().keyId()).build(), claims(Map.of()));
            forged.sign(new MACSigner(secret));
            assertRefused(forged.serialize(), "HS256 with the public key as the secret");
        }
    }

    @Test
    default void aTokenWithoutExpiryIsRefused() {
        assertRefused(token(Map.of("exp", TestTokens.ABSENT)), "no exp");
    }

    @Test
    default void anExpiredTokenIsRefused() {
        assertRefused(TestTokens.get().tokenFor("token-contract", List.of("PROFESSIONAL"),
                Map.of("aud", expectedAudience()), Duration.ofMinutes(-5)), "expired");
    }

    @Test
    default void aTokenNotYetValidIsRefused() {
        assertRefused(token(Map.of("nbf", Date.from(Instant.now().plus(Duration.ofMinutes(10))))), "nbf in 10 minutes");
    }

    @Test
    default void aTokenForAnotherAudienceOrNoneIsRefused() {
        assertRefused(token(Map.of("aud", "another-application")), "foreign audience");
        assertRefused(token(Map.of("aud", TestTokens.ABSENT)), "no audience");
    }

    @Test
    default void aTokenTooOldOrWithoutIssueTimeIsRefused() {
        // Still within its exp: only its age (dsr.security.tokens.max-age, 12 h) refuses it.
        assertRefused(token(Map.of("iat", Date.from(Instant.now().minus(Duration.ofHours(13))))), "issued 13 h ago");
        assertRefused(token(Map.of("iat", TestTokens.ABSENT)), "no iat");
    }

    @Test
    default void aTokenFromAnotherIssuerIsRefusedEvenWithTheTrustedKey() {
        assertRefused(token(Map.of("iss", "https://another-issuer.invalid")), "foreign issuer");
    }

    @Test
    default void aTamperedTokenIsRefused() {
        String good = token(Map.of());
        String[] parts = good.split("\\.");
        String promoted = base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"PROFESSIONAL\"", "\"DSR_LEAD\""));
        assertRefused(parts[0] + "." + promoted + "." + parts[2], "claims changed after signing");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void assertRefused(String token, String what) {
        assertThat(statusWith(token)).as(what + " must be refused at " + securedPath()).isEqualTo(401);
    }

    private int statusWith(String token) {
        return new ApiClient(tokenRefusalBaseUrl()).get(securedPath(), token).status();
    }

    private String token(Map<String, Object> claims) {
        return TestTokens.get().sign(claims(claims));
    }

    private JWTClaimsSet claims(Map<String, Object> overrides) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("aud", expectedAudience()));
        claims.putAll(overrides);
        return TestTokens.get().claimsFor("token-contract", List.of("PROFESSIONAL"), claims, Duration.ofHours(1));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
