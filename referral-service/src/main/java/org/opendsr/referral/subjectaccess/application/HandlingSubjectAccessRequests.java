package org.opendsr.referral.subjectaccess.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.subjectaccess.SubjectAccessAudit;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.subjectaccess.domain.RequestedBy;
import org.opendsr.referral.subjectaccess.domain.SubjectAccessRequest;

/**
 * Subject access requests (issue 16), a DSR lead's work from receipt to answer: recorded with the day received and
 * who asked, due one calendar month on ({@code StatutoryDeadline}), extended if need be, exported (the gateway
 * records which services' parts each export had), and marked sent. Everyone but a lead is refused (403, audited as
 * refused); everything done is on the person's audit trail with the purpose SUBJECT_ACCESS_REQUEST. The lead's note
 * and an extension's reason stay in the request, never in the audit's words.
 */
@Singleton
public class HandlingSubjectAccessRequests {

    static final String WHAT = "subject access request";

    private final SubjectAccessRequests requests;
    private final RecordAccess access;
    private final SubjectAccessAudit leadOnly;
    private final Clock clock;

    public HandlingSubjectAccessRequests(SubjectAccessRequests requests, RecordAccess access,
                                         SubjectAccessAudit leadOnly, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.leadOnly = leadOnly;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public SubjectAccessRequest record(UUID personId, LocalDate receivedOn, RequestedBy requestedBy,
                                       @Nullable String note, Caller caller) {
        leadOnly.requireLead(personId, caller, WHAT);
        if (!access.personExists(personId)) {
            throw RuleBroken.invalid("personId", "is not a person the DSR holds");
        }
        Instant now = Now.of(clock);
        SubjectAccessRequest request = SubjectAccessRequest.received(personId, receivedOn, requestedBy, note,
                caller.userId(), now, today());
        requests.add(request);
        audit(request, caller, AuditAction.CREATED, WHAT + " " + request.id() + " recorded", now);
        return request;
    }

    /** Every request (or the open ones), newest received first; each shown is on its person's trail as listed. */
    @Transactional
    public List<SubjectAccessRequest> list(boolean openOnly, int limit, Caller caller) {
        leadOnly.requireLead(null, caller, WHAT + "s");
        List<SubjectAccessRequest> shown = requests.newestFirst(openOnly, limit);
        if (!shown.isEmpty()) {
            access.auditEach(shown.stream().map(request -> new RecordAccess.Audited(request.personId(),
                    AuditAction.LISTED, WHAT + " " + request.id() + " listed")).toList(), Actor.of(caller),
                    AccessPurpose.SUBJECT_ACCESS_REQUEST, Now.of(clock));
        }
        return shown;
    }

    @Transactional
    public SubjectAccessRequest one(UUID id, Caller caller) {
        leadOnly.requireLead(null, caller, WHAT + " " + id);
        SubjectAccessRequest request = requests.byId(id).orElseThrow(() -> RuleBroken.notFound("The " + WHAT));
        audit(request, caller, AuditAction.READ, WHAT + " " + id, Now.of(clock));
        return request;
    }

    @Transactional
    public SubjectAccessRequest extend(UUID id, int months, String reason, Caller caller) {
        leadOnly.requireLead(null, caller, WHAT + " " + id);
        SubjectAccessRequest extended = forUpdate(id).extended(months, reason);
        requests.save(extended);
        audit(extended, caller, AuditAction.CHANGED, WHAT + " " + id + " extended by " + months + " month(s)",
                Now.of(clock));
        return extended;
    }

    /** What an export had of one service's part (the gateway records it for each service, each export). */
    @Transactional
    public SubjectAccessRequest progressed(UUID id, String service, SubjectAccessRequest.Progress progress,
                                           Caller caller) {
        leadOnly.requireLead(null, caller, WHAT + " " + id);
        Instant now = Now.of(clock);
        SubjectAccessRequest progressed = forUpdate(id).progressed(service, progress, now);
        requests.save(progressed);
        audit(progressed, caller, AuditAction.CHANGED, WHAT + " " + id + " export: " + service + " "
                + progress.name(), now);
        return progressed;
    }

    @Transactional
    public SubjectAccessRequest sent(UUID id, LocalDate sentOn, Caller caller) {
        leadOnly.requireLead(null, caller, WHAT + " " + id);
        SubjectAccessRequest sent = forUpdate(id).sent(sentOn, today());
        requests.save(sent);
        audit(sent, caller, AuditAction.CHANGED, WHAT + " " + id + " answered (sent)", Now.of(clock));
        return sent;
    }

    private SubjectAccessRequest forUpdate(UUID id) {
        return requests.byIdForUpdate(id).orElseThrow(() -> RuleBroken.notFound("The " + WHAT));
    }

    private void audit(SubjectAccessRequest request, Caller caller, AuditAction action, String what, Instant at) {
        access.audit(request.personId(), Actor.of(caller), action, what, AccessPurpose.SUBJECT_ACCESS_REQUEST, at);
    }
}
