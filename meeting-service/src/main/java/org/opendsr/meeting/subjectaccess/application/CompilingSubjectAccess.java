package org.opendsr.meeting.subjectaccess.application;

import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.subjectaccess.PersonHoldings;
import org.opendsr.kit.subjectaccess.SubjectAccessAudit;
import org.opendsr.kit.subjectaccess.SubjectAccessPart;

/**
 * meeting-service's part of a person's subject access export (issue 16): the meetings they were discussed at (on a
 * tracking meeting's agenda, or a Meeting by Exception about them), the outcomes recorded for them, the actions and
 * service recommendations agreed, the Meetings by Exception asked for, and the reviews (C(E)TR, LAEP) booked. A DSR lead only, audited
 * with the purpose SUBJECT_ACCESS_REQUEST (the kit's {@link SubjectAccessAudit}); the gateway composes it with the
 * other services' parts.
 */
@Singleton
public class CompilingSubjectAccess {

    public static final String SERVICE = "meeting-service";

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
