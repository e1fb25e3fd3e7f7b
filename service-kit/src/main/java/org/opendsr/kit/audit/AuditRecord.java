package org.opendsr.kit.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An entry as stored, with its position ({@code seq}) for keyset paging ({@code before}). */
@Serdeable
public record AuditRecord(long seq, Instant occurredAt, String actor, String actorRoles, String action,
                          @Nullable UUID personId, String what, String purpose, String outcome,
                          @Nullable Map<String, Object> oldValues, @Nullable Map<String, Object> newValues,
                          @Nullable String correlationId) {

    @Override
    public String toString() {
        return "AuditRecord[seq=" + seq + ", values redacted]";
    }
}
