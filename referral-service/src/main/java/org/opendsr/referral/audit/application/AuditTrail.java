package org.opendsr.referral.audit.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.audit.AuditPage;

/**
 * The audit trail of people's records: who read or changed whose record, or tried to, when, what, why and with
 * what outcome, with the old and new values of a change. Kept in the kit's append-only, hash-chained store
 * ({@code dsr_kit.audit_entry}, see org.opendsr.kit.audit) in referral-service's own database, the home of personal
 * data: the values never leave it. What was done is written in the transaction of the read or change it records,
 * so the two commit together or not at all; what was refused is committed on its own, so it survives the refusal.
 */
public interface AuditTrail {

    /** One entry; {@code personId} is null for an entry about no one person (a lead reading a user's audit). */
    void record(@Nullable UUID personId, Instant at, String actor, String actorRoles, String action, String what,
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

    /** A change of a part of the record ({@code what}), with the values it replaced and the values it wrote. */
    void recordChange(UUID personId, Instant at, String actor, String actorRoles, String what, String purpose,
                      Map<String, ?> before, Map<String, ?> after);

    /**
     * An attempt that was not allowed or found nothing (the caller is told 404 either way), committed at once
     * whatever happens to the request: the refusal rolls the request back, not its audit. Recorded at the moment it
     * is written.
     */
    void recordAttempt(@Nullable UUID personId, String actor, String actorRoles, String action,
                       String what, String purpose, AuditOutcome outcome);

    /**
     * An entry copied from another record (the gateway's access record of an API call), identified by that record's
     * id ({@code sourceId}): written once however often the record is delivered. False if it was already there.
     */
    boolean recordOnce(String sourceId, @Nullable UUID personId, Instant at, String actor, String actorRoles,
                       String action, String what, String purpose, AuditOutcome outcome,
                       @Nullable String correlationId);

    /** A person's trail, newest first, before {@code before} (a position; null for the newest). */
    AuditPage ofPerson(UUID personId, @Nullable Long before, int size);

    /** Several people's trails as one, newest first: a record and the records merged into it. */
    AuditPage ofPeople(java.util.List<UUID> personIds, @Nullable Long before, int size);

    /** Everything one user (a token's subject) did or tried, newest first. */
    AuditPage ofActor(String actor, @Nullable Long before, int size);
}
