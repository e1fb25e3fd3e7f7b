package org.opendsr.risk.obligations.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.obligations.domain.Completion;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationChange;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.RiskAccess;

/**
 * The DSR team's work on an obligation: book it, complete it, or close it as not needed. Only the DSR team of the
 * person's area or a lead (a care-team professional may read obligations, not close them: 403; anyone else 404).
 * meeting-service does it through its events ({@link FollowingReviews}); this is the API's way. Each is one transaction:
 * the obligation, the next one it opens (an inpatient C(E)TR or oversight visit), the events and the audit.
 */
@Singleton
public class ManagingObligations {

    private final Obligations obligations;
    private final ObligationRecords records;
    private final NextObligations next;
    private final CurrentRatings ratings;
    private final RiskAccess access;
    private final Clock clock;

    ManagingObligations(Obligations obligations, NextObligations next, ObligationRecords records,
                        CurrentRatings ratings, RiskAccess access, Clock clock) {
        this.obligations = obligations;
        this.next = next;
        this.records = records;
        this.ratings = ratings;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Obligation book(UUID obligationId, LocalDate bookedFor, Caller caller) {
        Obligation obligation = lockedForTheDsrTeam(obligationId, caller);
        LocalDate today = LocalDate.now(clock.withZone(DsrClock.ENGLAND));
        records.recordBy(caller, List.of(obligation.book(bookedFor, today)));
        return obligation;
    }

    @Transactional
    public Obligation complete(UUID obligationId, Completion completion, Caller caller) {
        Obligation obligation = lockedForTheDsrTeam(obligationId, caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        ObligationChange.Closed closed = obligation.complete(completion, today, now, caller.userId());
        records.recordBy(caller, next.withTheNext(closed, now, today));
        return obligation;
    }

    @Transactional
    public Obligation notNeeded(UUID obligationId, String reason, Caller caller) {
        Obligation obligation = lockedForTheDsrTeam(obligationId, caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        ObligationChange.Closed closed = obligation.notNeeded(reason, today, now, caller.userId());
        records.recordBy(caller, next.withTheNext(closed, now, today));
        return obligation;
    }

    /**
     * A multi-agency meeting about the person took place (meeting-service recorded its outcome): it meets the
     * person's open obligations of {@code kind} opened by then, completed as the DSR team's completion is (the same
     * domain rule, the next obligation it opens, the events), by the system, in the event's transaction. Locks as
     * every path does: the person's row first, then their obligations. A person never heard of is refused (the event
     * goes to the dead-letter topic).
     *
     * @param by who the obligation names as having closed it (the system that reported the meeting)
     * @return the obligations completed (none when nothing of that kind was open)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Obligation> completeAtMeeting(UUID personId, ObligationKind kind, Completion completion, String by) {
        if (!ratings.lock(personId)) {
            throw RuleBroken.unknownPerson();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        LocalDate heldOn = completion.completedOn().isAfter(today) ? today : completion.completedOn();
        Completion met = new Completion(heldOn, completion.reviewType(), completion.meetingId(),
                completion.partners());
        List<Obligation> completed = new ArrayList<>();
        for (Obligation obligation : obligations.ofPersonForUpdate(personId)) {
            // One opened after the meeting is owed by a later one.
            if (obligation.isOpen() && obligation.kind() == kind && !obligation.openedOn().isAfter(heldOn)) {
                ObligationChange.Closed closed = obligation.complete(met, today, now, by);
                records.recordBySystem(next.withTheNext(closed, now, today));
                completed.add(obligation);
            }
        }
        return completed;
    }

    /**
     * The obligation, locked for the DSR team's change, in the order every path that follows a rating locks: the
     * person's row first ({@link CurrentRatings#lock}, as rating changes, admissions, discharges and removal do), then
     * the obligation. A completion and a discharge so happen in turn: whichever comes second sees what the first
     * wrote (the discharge closes the next inpatient C(E)TR the completion opened; the completion finds the obligation
     * the discharge closed). An unknown obligation and another person's obligation answer the same 404, so a refusal
     * reveals nothing; the refusal is audited against the person ({@link RiskAccess#requireDsrTeam}).
     */
    private Obligation lockedForTheDsrTeam(UUID obligationId, Caller caller) {
        // Its person never changes, so reading it without a lock is safe; the access check takes no lock.
        Obligation unlocked = obligations.find(obligationId).orElseThrow(ManagingObligations::notFound);
        UUID personId = unlocked.personId();
        try {
            access.requireDsrTeam(personId, caller, "obligation " + unlocked.kind());
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? notFound() : refused;
        }
        if (!ratings.lock(personId)) {
            throw notFound();
        }
        return obligations.findForUpdate(obligationId).orElseThrow(ManagingObligations::notFound);
    }

    private static RuleBroken notFound() {
        return RuleBroken.notFound("Obligation");
    }
}
