package org.opendsr.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.security.authentication.Authentication;

/**
 * Bearer tokens this process has already verified in full (signature, issuer, audience, expiry), so that the
 * same token on the next request costs a hash instead of an RSA verification. What keeps it safe:
 * <ul>
 * <li>the key is a SHA-256 of the whole token, signature included: a token altered in any byte, even one with
 *     the same claims, is a different key and goes through full verification (and is refused);</li>
 * <li>only an accepted token is remembered, with the result the full verification gave; a refusal is never
 *     stored, so nothing here can turn a refusal into an acceptance;</li>
 * <li>an entry is used only until the token's own {@code exp} and never beyond (nor beyond {@code max-age}, so a
 *     signing key withdrawn from the identity provider stops being honoured within that time, nor beyond the
 *     token's maximum age from its {@code iat}, {@link TokenPolicy}); a token without {@code exp} (or, where a
 *     maximum token age is set, without {@code iat}) is not remembered at all;</li>
 * <li>a token is only ever remembered after it was accepted, so a token not yet valid ({@code nbf}) was refused
 *     and is verified in full again on its next use.</li>
 * <li>at most {@code max-entries} tokens, least recently used dropped first, so a flood of distinct tokens costs
 *     memory bounded by the setting and only slows verification back to what it was without this.</li>
 * </ul>
 */
public class VerifiedTokens {

    private final int maxEntries;
    private final Duration maxAge;
    private final Duration tokenMaxAge;
    private final Clock clock;
    private final Map<String, Entry> entries;

    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock) {
        this(maxEntries, maxAge, null, clock);
    }

    /**
     * @param maxAge how long an entry is used at most
     * @param tokenMaxAge how long after its {@code iat} a token may be used at all (null: not bounded here)
     */
    public VerifiedTokens(int maxEntries, Duration maxAge, Duration tokenMaxAge, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("max-entries must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.tokenMaxAge = tokenMaxAge;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.maxEntries;
            }
        };
    }

    /** The authentication a full verification gave this very token, while it is still within its expiry. */
    public Optional<Authentication> find(String token) {
        String key = keyOf(token);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.usableUntil())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(entry.authentication());
        }
    }

    /** Remembers a token that has just passed full verification, until its expiry at the latest. */
    public void remember(String token, Authentication verified) {
        Optional<Instant> expiry = expiryOf(verified);
        if (expiry.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant usableUntil = earlier(expiry.get(), now.plus(maxAge));
        if (tokenMaxAge != null) {
            Optional<Instant> issued = instantClaim(verified, "iat");
            if (issued.isEmpty()) {
                return;
            }
            usableUntil = earlier(usableUntil, issued.get().plus(tokenMaxAge));
        }
        if (!now.isBefore(usableUntil)) {
            return;
        }
        String key = keyOf(token);
        synchronized (entries) {
            entries.put(key, new Entry(verified, usableUntil));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    static Optional<Instant> expiryOf(Authentication authentication) {
        return instantClaim(authentication, "exp");
    }

    static Optional<Instant> instantClaim(Authentication authentication, String claim) {
        Object exp = authentication.getAttributes().get(claim);
        if (exp instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (exp instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (exp instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }

    static String keyOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Entry(Authentication authentication, Instant usableUntil) {
    }
}
