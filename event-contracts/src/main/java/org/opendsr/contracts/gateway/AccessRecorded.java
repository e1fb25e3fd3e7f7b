package org.opendsr.contracts.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One API call as the gateway saw it, refused ones included (401, 403, 404, 429, a 400 for an ambiguous path): who
 * (the token's subject, or {@code anonymous}) with which roles did what, to which person when the path names one, and
 * the answer. The path is the normalised raw path without its query string (queries may carry search words; paths
 * carry only ids), so the record holds no names, NHS numbers, dates of birth or addresses. referral-service copies
 * each into its audit store, where a lead reads it per person and per user.
 *
 * <p>{@code dsr.gateway.access-recorded.v1} on {@code dsr.gateway.access}, keyed by personId when the path carries
 * one, otherwise by subject.
 *
 * @param subject       the caller's token subject, {@code anonymous} without a valid token
 * @param roles         the caller's roles (empty without a valid token)
 * @param method        the HTTP method
 * @param path          the path as routed, without a query string
 * @param personId      the person the path names ({@code /people/{personId}...}), if any
 * @param status        the HTTP status answered
 * @param occurredAt    when the answer was given
 * @param correlationId the call's correlation id ({@code X-Correlation-Id}), if any
 */
@Serdeable
public record AccessRecorded(
        String subject,
        List<String> roles,
        String method,
        String path,
        @Nullable UUID personId,
        int status,
        Instant occurredAt,
        @Nullable String correlationId) {

    public AccessRecorded {
        roles = List.copyOf(roles);
    }
}
