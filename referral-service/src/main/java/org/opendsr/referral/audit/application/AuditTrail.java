package org.opendsr.referral.audit.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** What one entry of {@link #recordEach} says about whom. */
    record Note(UUID personId, String action, String what) {
    }

    /**
     * Several entries by one actor at one moment for one purpose (e.g. a person and their referral recorded
     * together), written together and kept in this order.
     */
    void recordEach(List<Note> notes, Instant at, String actor, String actorRoles, String purpose);

    /** A person's trail, newest first. */
    Page<Entry> of(UUID personId, int page, int size);
}
