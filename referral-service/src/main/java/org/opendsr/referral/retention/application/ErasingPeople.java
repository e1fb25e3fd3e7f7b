package org.opendsr.referral.retention.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.lifecycle.ErasureGrounds;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.retention.domain.Article17Ground;
import org.opendsr.referral.retention.domain.RetentionFacts;
import org.opendsr.referral.retention.domain.RetentionRule;
import org.opendsr.referral.shared.application.Now;

/**
 * Erasure (UK GDPR Art. 17, and storage limitation at the end of the retention period): in one transaction every row
 * referral-service holds about the person goes, a tombstone is kept (id, grounds, when, by whom), the erasure is on
 * the audit trail, and {@code dsr.person.erased.v1} is in the outbox so that every other service erases what it holds
 * under the personId and confirms. The audit trail itself is kept for its own period (kit, dsr.audit.retention): it
 * is the evidence of who saw the record, which the person and the ICB may still need; the values of the person's
 * changes in it are erased by forgetting the person's audit key (kit AuditKeys), in the same transaction.
 */
@Singleton
public class ErasingPeople {

    private final PeopleInRetention people;
    private final Erasures erasures;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final RetentionRule rule;
    private final Clock clock;

    public ErasingPeople(PeopleInRetention people, Erasures erasures, EventOutbox outbox, RecordAccess access,
                         RetentionSettings settings, Clock clock) {
        this.people = people;
        this.erasures = erasures;
        this.outbox = outbox;
        this.access = access;
        this.rule = new RetentionRule(settings.periods());
        this.clock = clock;
    }

    /**
     * A lead's erasure on a request the lead found an Art. 17(1) ground for. Refused (409) while the DSR still works
     * with the person; a repeat returns the erasure already made.
     */
    @Transactional
    public Erasures.Erasure onRequest(UUID personId, Article17Ground ground, Caller caller) {
        var done = erasures.of(personId);
        if (done.isPresent()) {
            return done.get();
        }
        var found = people.lockedFactsOf(personId);
        if (found.isEmpty()) {
            // Another request may have erased them while this one waited for the lock: the same answer as a repeat.
            var meanwhile = erasures.of(personId);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            access.auditAttempt(personId, caller, "erasure", AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound("The person");
        }
        RetentionFacts facts = found.get();
        if (facts.inHand()) {
            // The refusal is on the trail whatever happens to this request's transaction.
            access.auditAttempt(personId, caller, "erasure", AuditOutcome.REFUSED);
        }
        if (facts.onRegister()) {
            throw RuleBroken.conflict("person-on-register", "The person is on the register",
                    "remove them from the register (with the reason) before erasing their record");
        }
        if (!rule.mayEraseOnRequest(facts)) {
            throw RuleBroken.conflict("referral-in-hand", "A referral of theirs is waiting for its outcome",
                    "decline or withdraw the referral (with the reason) before erasing their record");
        }
        return erase(personId, ErasureGrounds.ERASURE_REQUEST, ground, Actor.of(caller),
                AccessPurpose.ERASURE_REQUEST, Now.of(clock));
    }

    /** The retention rule's erasure; the caller (the run) has decided it is due and holds the person's facts. */
    @Transactional
    public Erasures.Erasure atEndOfRetention(UUID personId, Instant at) {
        return erase(personId, ErasureGrounds.RETENTION_PERIOD_ENDED, null, Actor.REFERRAL_SERVICE,
                AccessPurpose.RETENTION, at);
    }

    private Erasures.Erasure erase(UUID personId, ErasureGrounds grounds, Article17Ground ground, Actor by,
                                   AccessPurpose purpose, Instant at) {
        long rows = people.eraseEverythingAbout(personId);
        Erasures.Erasure erasure = new Erasures.Erasure(personId, grounds, ground, at, by.id(), rows);
        erasures.record(erasure);
        outbox.append("person", personId, EventTypes.PERSON_ERASED_V1, new PersonErased(personId, grounds, at));
        access.audit(personId, by, AuditAction.ERASED, "record erased (" + grounds + ")", purpose, at);
        return erasure;
    }
}
