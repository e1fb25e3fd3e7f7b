package org.opendsr.referral.subjectaccess.application;

import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.subjectaccess.PersonHoldings;
import org.opendsr.kit.subjectaccess.SubjectAccessAudit;
import org.opendsr.kit.subjectaccess.SubjectAccessPart;

/**
 * referral-service's part of a person's subject access export (issue 16): their record (identity, demographics,
 * address), communication preferences, referrals and eligibility decisions, register membership, contacts and key
 * professionals (redacted to relationships and roles), the consent basis it keeps, notifications sent, care team
 * memberships, and the access audit (who looked, by role, when and why). A DSR lead only, audited with the purpose
 * SUBJECT_ACCESS_REQUEST (the kit's {@link SubjectAccessAudit}); the gateway composes it with the other parts.
 */
@Singleton
public class CompilingSubjectAccess {

    public static final String SERVICE = "referral-service";

    private final SubjectAccessAudit audit;
    private final PersonHoldings holdings;

    public CompilingSubjectAccess(SubjectAccessAudit audit, @Named(SERVICE) PersonHoldings holdings) {
        this.audit = audit;
        this.holdings = holdings;
    }

    /** One snapshot: every section read in one read-only transaction. */
    @Transactional(readOnly = true)
    public SubjectAccessPart partFor(UUID personId, Caller caller) {
        return audit.compile(SERVICE, personId, caller, holdings);
    }
}
