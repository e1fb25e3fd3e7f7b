package org.opendsr.risk.shared.application;

import java.time.Clock;
import java.util.TreeSet;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.rules.RuleBroken;

/** A DSR lead's review of who read and changed a person's ratings, updates and obligations here (itself audited). */
@Singleton
public class ReviewingTheAudit {

    private final AuditLog audit;
    private final Clock clock;

    public ReviewingTheAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public AuditPage ofPerson(UUID personId, @Nullable Long before, int size, Caller caller) {
        if (size < 1 || size > AuditPage.MAX_SIZE) {
            throw RuleBroken.invalid("size", "must be from 1 to " + AuditPage.MAX_SIZE);
        }
        AccessPurpose purpose = AccessPurpose.statedBy(caller, AccessPurpose.AUDIT_REVIEW);
        audit.appendInItsOwnTransaction(AuditEntry.allowed(clock.instant(), caller.userId(),
                String.join(",", new TreeSet<>(caller.roles())), "READ", personId, "audit trail", purpose.name()));
        return audit.ofPerson(personId, before, size);
    }
}
