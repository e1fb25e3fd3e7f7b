package org.opendsr.kit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

/**
 * What a bearer token must be, beyond a valid signature from the identity provider and the trusted issuer, in the
 * gateway and in every service alike ({@code dsr.security.*}, see dsr-http-kit-defaults.yml):
 * <ul>
 * <li>issued for the DSR: {@code aud} names {@code dsr.security.audience} (env {@code DSR_SECURITY_AUDIENCE}). It
 *     is required: a process refuses to start without it, so that no deployment can forget it and accept a token
 *     the same provider issued to another application;</li>
 * <li>signed with one of the provider's asymmetric algorithms ({@code dsr.security.tokens.algorithms}, RS256 and
 *     ES256): never {@code none}, never an HMAC (HS256 "signed" with the provider's public key as the secret);</li>
 * <li>with an {@code exp}, not used before its {@code nbf}, and issued ({@code iat}) at most
 *     {@code dsr.security.tokens.max-age} ago (12 h: a working day and a bit). A token without {@code iat} is
 *     refused: its age could not be bounded, and the providers the DSR is meant for (NHS CIS2, Microsoft Entra ID)
 *     always set it. {@code nbf} and {@code iat} allow {@code clock-skew} (60 s) for clocks that differ slightly;
 *     {@code exp} allows none.</li>
 * </ul>
 * Created at start-up ({@link Context}) so that a missing audience stops the process at once, with the setting's
 * name, instead of every caller being turned away later.
 */
@Context
public class TokenPolicy {

    static final String AUDIENCE_MISSING = "dsr.security.audience (DSR_SECURITY_AUDIENCE) is not set: every DSR process"
            + " needs the audience its tokens are issued for (the DSR's client id at the identity provider; local runs"
            + " use dsr-local). See deploy/README.md, \"Tokens\".";

    private final String audience;
    private final Duration clockSkew;
    private final Duration maxAge;
    private final Set<String> algorithms;

    public TokenPolicy(@Value("${dsr.security.audience:}") String audience,
                       @Value("${dsr.security.tokens.clock-skew:60s}") Duration clockSkew,
                       @Value("${dsr.security.tokens.max-age:12h}") Duration maxAge,
                       @Value("${dsr.security.tokens.algorithms:RS256,ES256}") List<String> algorithms) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException(AUDIENCE_MISSING);
        }
        if (clockSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalStateException("dsr.security.tokens.clock-skew must not be negative and max-age must be positive");
        }
        Set<String> pinned = algorithms.stream().map(name -> name.trim().toUpperCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (pinned.isEmpty() || pinned.stream().anyMatch(name -> !name.startsWith("RS") && !name.startsWith("ES")
                && !name.startsWith("PS"))) {
            // An HMAC or "none" here would undo the pinning: only the provider's asymmetric signatures.
            throw new IllegalStateException("dsr.security.tokens.algorithms must name asymmetric algorithms only"
                    + " (RS256, ES256, ...), not " + algorithms);
        }
        this.audience = audience.trim();
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
        this.algorithms = pinned;
    }

    public String audience() {
        return audience;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Set<String> algorithms() {
        return algorithms;
    }

    /** True when a token signed with this algorithm (its header's {@code alg}) may be accepted at all. */
    public boolean allowsAlgorithm(@Nullable String alg) {
        return alg != null && algorithms.contains(alg);
    }

    /**
     * Why a token with these times must be refused now, or empty when its times are acceptable.
     *
     * @param exp its {@code exp} (null: absent)
     * @param nbf its {@code nbf} (null: absent, then only {@code iat} bounds the start)
     * @param iat its {@code iat} (null: absent)
     */
    public Optional<String> timesRefusal(Instant now, @Nullable Instant exp, @Nullable Instant nbf,
                                         @Nullable Instant iat) {
        if (exp == null) {
            return Optional.of("no exp");
        }
        if (!now.isBefore(exp)) {
            return Optional.of("expired");
        }
        if (nbf != null && now.plus(clockSkew).isBefore(nbf)) {
            return Optional.of("not yet valid (nbf)");
        }
        if (iat == null) {
            return Optional.of("no iat");
        }
        if (now.plus(clockSkew).isBefore(iat)) {
            return Optional.of("issued in the future (iat)");
        }
        if (!now.isBefore(iat.plus(maxAge))) {
            return Optional.of("older than dsr.security.tokens.max-age");
        }
        return Optional.empty();
    }

    /** The last moment a token issued at {@code iat} may be used, whatever its {@code exp} says. */
    public Instant tooOldFrom(Instant iat) {
        return iat.plus(maxAge);
    }
}
