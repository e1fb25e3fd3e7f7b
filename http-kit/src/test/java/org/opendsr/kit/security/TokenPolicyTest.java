package org.opendsr.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a token's times, algorithm and audience must be, as the policy says, without a server. */
class TokenPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final TokenPolicy policy = new TokenPolicy("dsr-api", Duration.ofSeconds(60), Duration.ofHours(12),
            List.of("RS256", "ES256"));

    @Test
    void aProcessWithoutAnAudienceDoesNotStartAndSaysWhichSettingIsMissing() {
        for (String missing : new String[] {"", "  ", null}) {
            assertThatThrownBy(() -> new TokenPolicy(missing, Duration.ofSeconds(60), Duration.ofHours(12),
                    List.of("RS256"))).hasMessageContaining("DSR_SECURITY_AUDIENCE");
        }
    }

    @Test
    void onlyAsymmetricAlgorithmsCanBePinned() {
        assertThatThrownBy(() -> new TokenPolicy("dsr-api", Duration.ZERO, Duration.ofHours(1), List.of("RS256", "HS256")))
                .hasMessageContaining("asymmetric");
        assertThatThrownBy(() -> new TokenPolicy("dsr-api", Duration.ZERO, Duration.ofHours(1), List.of("none")))
                .hasMessageContaining("asymmetric");
        assertThat(policy.allowsAlgorithm("RS256")).isTrue();
        assertThat(policy.allowsAlgorithm("ES256")).isTrue();
        assertThat(policy.allowsAlgorithm("HS256")).isFalse();
        assertThat(policy.allowsAlgorithm("none")).isFalse();
        assertThat(policy.allowsAlgorithm(null)).isFalse();
    }

    @Test
    void aTokenWithinItsTimesIsAccepted() {
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), NOW.minusSeconds(10), NOW.minusSeconds(10))).isEmpty();
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), null, NOW.minusSeconds(10))).as("nbf is optional")
                .isEmpty();
    }

    @Test
    void expIsRequiredAndHasNoSkew() {
        assertThat(policy.timesRefusal(NOW, null, null, NOW)).contains("no exp");
        assertThat(policy.timesRefusal(NOW, NOW, null, NOW.minusSeconds(5))).contains("expired");
        assertThat(policy.timesRefusal(NOW, NOW.minusSeconds(1), null, NOW.minusSeconds(5))).contains("expired");
    }

    @Test
    void nbfIsHonouredWithTheClockSkew() {
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(60), NOW)).isEmpty();
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(61), NOW))
                .contains("not yet valid (nbf)");
    }

    @Test
    void aTokenWithoutIatOrOlderThanTheMaximumAgeOrIssuedInTheFutureIsRefused() {
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), null, null)).contains("no iat");
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), null, NOW.minus(Duration.ofHours(12))))
                .contains("older than dsr.security.tokens.max-age");
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), null, NOW.minus(Duration.ofHours(12)).plusSeconds(1)))
                .isEmpty();
        assertThat(policy.timesRefusal(NOW, NOW.plusSeconds(3600), null, NOW.plusSeconds(61)))
                .contains("issued in the future (iat)");
    }
}
