package org.opendsr.referral.audit.application;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.opendsr.referral.shared.application.Page;

/**
 * The audit trail of people's records: who read or changed whose record, when, what and why. Written in the
 * transaction of the read or change it records, so the two commit together or not at all.
 */
public interface AuditTrail {

    /** One entry. {@code what} names a part of the record, never its content. */
    record Entry(long id, UUID personId, Instant occurredAt, String actor, String actorRoles, String action,
                 String what, String purpose, String correlationId) {
    }

    void record(UUID personId, Instant at, String actor, String actorRoles, String action, String what,
                String purpose);

    void recordAll(Collection<UUID> personIds, Instant at, String actor, String actorRoles, String action,
                   String what, String purpose);

    /** A person's trail, newest first. */
    Page<Entry> of(UUID personId, int page, int size);
}
