package org.opendsr.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An OIDC-like token issuer for tests: an RSA key whose public half is served as a JWKS over HTTP, exactly as a
 * real identity provider (or the gateway's local issuer) serves it, so services validate test tokens through
 * their production code path.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test-issuer.dsr.invalid";
    /** The audience tests run with ({@code dsr.security.audience}); every token is issued for it unless told otherwise. */
    public static final String AUDIENCE = "dsr-local";

    private final RSAKey key;
    private final HttpServer jwksServer;

    private TestTokens(RSAKey key, HttpServer jwksServer) {
        this.key = key;
        this.jwksServer = jwksServer;
    }

    /** Started on first use, once per JVM (the holder class is initialised exactly once, thread-safely). */
    public static TestTokens get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final TestTokens INSTANCE = start();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/keys";
    }

    /** A bearer token for a user with the given roles, valid for an hour. */
    public String tokenFor(String subject, String... roles) {
        return tokenFor(subject, List.of(roles), Map.of(), Duration.ofHours(1));
    }

    /**
     * A bearer token with extra claims (e.g. an organisation, or an {@code aud}), valid for the given time
     * (negative: expired). A claim given here replaces the standard one, e.g. {@code "iss"} for a token from
     * another issuer signed with the trusted key, or {@code "aud"} for one issued to another application; a claim
     * given as {@link #ABSENT} is left out (e.g. a token without {@code exp}).
     */
    public String tokenFor(String subject, List<String> roles, Map<String, Object> claims, Duration validFor) {
        return sign(claimsFor(subject, roles, claims, validFor));
    }

    /** Put as a claim's value in {@link #tokenFor(String, List, Map, Duration)}: the token does not carry it. */
    public static final Object ABSENT = new Object();

    /** The claims {@link #tokenFor(String, List, Map, Duration)} signs. */
    public JWTClaimsSet claimsFor(String subject, List<String> roles, Map<String, Object> claims, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("name", subject)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach((name, value) -> builder.claim(name, value == ABSENT ? null : value));
        return builder.build();
    }

    /** These claims signed with the test issuer's key (RS256), as its JWKS says. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    /** The issuer's public key, as the JWKS publishes it (what an attacker has too). */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** The key id the JWKS names. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The properties that make a service trust this issuer, for tokens issued for {@link #AUDIENCE}. */
    public Map<String, String> serviceProperties() {
        return Map.of(
                "dsr.security.jwks-url", jwksUrl(),
                "dsr.security.issuer", ISSUER,
                "dsr.security.audience", AUDIENCE);
    }

    private static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/keys", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "stop-test-jwks"));
            return new TestTokens(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a test key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the test JWKS", e);
        }
    }
}
