package org.opendsr.kit.subjectaccess;

import java.time.Clock;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;

/**
 * Who may compile a person's subject access part, and its audit, the same in every service: a DSR lead only (the
 * ICB's lead answers subject access requests for the DSR, and a part holds everything the service has about the
 * person, so nobody else's need to know reaches it). Anyone else is refused with 403 whoever the person is (the
 * refusal says nothing about whether the service knows them), and the attempt is audited as refused. Every part
 * compiled is audited as read with the purpose SUBJECT_ACCESS_REQUEST, whatever purpose the caller stated.
 */
@Singleton
public class SubjectAccessAudit {

    public static final String PURPOSE = AccessPurpose.SUBJECT_ACCESS_REQUEST.name();

    private final AuditLog audit;
    private final Clock clock;

    public SubjectAccessAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses (403, audited on its own) anyone but a DSR lead. */
    public void requireLead(UUID personId, Caller caller, String what) {
        if (caller.hasRole(DsrRoles.DSR_LEAD)) {
            return;
        }
        audit.appendInItsOwnTransaction(AuditEntry.attempted(clock.instant(), caller.userId(), rolesOf(caller), "READ",
                personId, what, PURPOSE, AuditOutcome.REFUSED));
        throw RuleBroken.forbidden("only a DSR lead compiles a subject access export");
    }

    /** The part was compiled for the lead: audited as read, committed at once. */
    public void compiled(UUID personId, Caller caller, String what) {
        audit.appendInItsOwnTransaction(AuditEntry.allowed(clock.instant(), caller.userId(), rolesOf(caller), "READ",
                personId, what, PURPOSE));
    }

    /**
     * The service's part for a lead: refused (403, audited) for anyone else; what the service holds, read through
     * {@code holdings}; audited as read with the purpose SUBJECT_ACCESS_REQUEST.
     */
    public SubjectAccessPart compile(String service, UUID personId, Caller caller, PersonHoldings holdings) {
        String what = "subject access part (" + service + ")";
        requireLead(personId, caller, what);
        SubjectAccessPart part = new SubjectAccessPart(service, personId, clock.instant(), holdings.about(personId),
                holdings.redactions());
        compiled(personId, caller, what);
        return part;
    }

    private static String rolesOf(Caller caller) {
        return String.join(",", new TreeSet<>(caller.roles()));
    }
}
