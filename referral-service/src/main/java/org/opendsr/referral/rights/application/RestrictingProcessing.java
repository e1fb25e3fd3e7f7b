package org.opendsr.referral.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.rights.domain.ProcessingRestriction;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * Restricts processing of a person's data, or lifts the restriction (UK GDPR Article 18), by the DSR team of the
 * person's area or a lead. Audited with the values replaced; {@code dsr.person.processing-restricted.v1} is published
 * in the same transaction when the restriction actually changes, so that every service shows it. The notifier reads
 * it at queue and send time ({@code NotificationPolicy}).
 */
@Singleton
public class RestrictingProcessing {

    private final ProcessingRestrictions restrictions;
    private final Merges merges;
    private final RecordAccess access;
    private final RecordLocks locks;
    private final EventOutbox outbox;
    private final Clock clock;

    public RestrictingProcessing(ProcessingRestrictions restrictions, Merges merges, RecordAccess access,
                                 RecordLocks locks, EventOutbox outbox, Clock clock) {
        this.restrictions = restrictions;
        this.merges = merges;
        this.access = access;
        this.locks = locks;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ProcessingRestriction change(UUID personId, boolean restricted, String reason, Caller caller,
                                        AccessPurpose purpose) {
        UUID id = merges.survivorOf(personId).orElse(personId);
        requireManages(id, caller);
        Instant now = Now.of(clock);
        ProcessingRestriction changed = ProcessingRestriction.changed(id, restricted, reason, caller.userId(), now);
        locks.lockPerson(id);
        ProcessingRestriction before = restrictions.of(id);
        restrictions.save(changed);
        if (before.restricted() != restricted) {
            outbox.append("person", id, EventTypes.PERSON_PROCESSING_RESTRICTED_V1,
                    new ProcessingRestricted(id, restricted, now));
        }
        access.auditChange(id, Actor.of(caller), "processing restriction", purpose, now, audited(before),
                audited(changed));
        return changed;
    }

    /** The restriction as it stands, for the DSR team of the person's area or a lead. */
    @Transactional
    public ProcessingRestriction of(UUID personId, Caller caller, AccessPurpose purpose) {
        UUID id = merges.survivorOf(personId).orElse(personId);
        requireManages(id, caller);
        access.audit(id, Actor.of(caller), AuditAction.READ, "processing restriction", purpose, Now.of(clock));
        return restrictions.of(id);
    }

    private static Map<String, Object> audited(ProcessingRestriction restriction) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("restricted", restriction.restricted());
        values.put("reason", restriction.reason());
        return values;
    }

    /** 404 for someone the caller may not read or who does not exist, 403 for a reader who does not manage them. */
    private void requireManages(UUID id, Caller caller) {
        access.personFor(id, caller);
        access.requireManages(id, caller, "The person");
    }
}
