package org.opendsr.referral.audit.application;

import java.time.Clock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.audit.ChainCheck;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.shared.application.Now;

/**
 * A lead's review of the audit (a person's trail is read through ReadingRecords): everything one user did or tried,
 * and whether the trail is intact. Each review is itself on the lead's trail.
 */
@Singleton
public class ReviewingTheAudit {

    private final AuditTrail trail;
    private final AuditIntegrity integrity;
    private final Clock clock;

    public ReviewingTheAudit(AuditTrail trail, AuditIntegrity integrity, Clock clock) {
        this.trail = trail;
        this.integrity = integrity;
        this.clock = clock;
    }

    /** What one user (a token's subject) did or tried, newest first. */
    @Transactional
    public AuditPage ofUser(String subject, @Nullable Long before, int size, Caller caller, AccessPurpose purpose) {
        Actor lead = Actor.of(caller);
        trail.record(null, Now.of(clock), lead.id(), lead.roles(), AuditAction.READ.name(), "audit of user " + subject,
                purpose.name());
        return trail.ofActor(subject, before, size);
    }

    /**
     * Checks the hash chain now (it is also checked daily) and says where it first breaks, if it does. The check is
     * recorded after it ran, on its own, so that it does not check its own entry.
     */
    public ChainCheck checkTheChain(Caller caller) {
        Actor lead = Actor.of(caller);
        ChainCheck found = integrity.check();
        trail.recordAttempt(null, lead.id(), lead.roles(), AuditAction.READ.name(), "audit chain check",
                AccessPurpose.AUDIT_REVIEW.name(), AuditOutcome.ALLOWED);
        return found;
    }
}
