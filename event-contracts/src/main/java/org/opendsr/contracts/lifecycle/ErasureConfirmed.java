package org.opendsr.contracts.lifecycle;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A service has deleted or anonymised everything it held under an erased {@code personId}. referral-service shows a
 * DSR lead, per erasure, which services have confirmed. {@code service} is the publisher's name (e.g.
 * {@code consent-service}); {@code recordsErased} is how many rows it removed or anonymised (0 when it held none).
 *
 * <p>{@code dsr.consent.erasure-confirmed.v1}, {@code dsr.risk.erasure-confirmed.v1},
 * {@code dsr.meeting.erasure-confirmed.v1} and {@code dsr.reporting.erasure-confirmed.v1}, each on its service's topic.
 */
@Serdeable
public record ErasureConfirmed(
        UUID personId,
        String service,
        long recordsErased,
        Instant erasedAt) {
}
