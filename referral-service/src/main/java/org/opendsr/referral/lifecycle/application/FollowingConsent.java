package org.opendsr.referral.lifecycle.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.EventSources;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.ConsentStandings;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.register.domain.ConsentForTheRegister;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.register.application.RegisterChanges;

/**
 * Keeps each person's consent standing as consent-service reports it, which is all referral-service knows of consent:
 * enough to refuse acceptance without active consent and to remove from the register when consent lapses or is
 * withdrawn. A newly recorded consent replaces the one held; news about any other consent than the one held is stale
 * and changes nothing.
 */
@Singleton
public class FollowingConsent {

    private static final Actor CONSENT_SERVICE = Actor.service(EventSources.CONSENT_SERVICE);

    private final People people;
    private final ConsentStandings standings;
    private final RecordLocks locks;
    private final RegisterChanges register;
    private final RecordAccess access;

    public FollowingConsent(People people, ConsentStandings standings, RecordLocks locks, RegisterChanges register,
                            RecordAccess access) {
        this.people = people;
        this.standings = standings;
        this.locks = locks;
        this.register = register;
        this.access = access;
    }

    /** Consent was recorded or renewed: it is now the person's consent, with the status consent-service computed. */
    @Transactional
    public void recorded(UUID personId, UUID consentId, ConsentStatus status, @Nullable ConsentBasis basis,
                         Instant at) {
        apply(personId, consentId, status, basis, at, true);
    }

    /** The held consent moved on: renewal due, overdue, lapsed or withdrawn. */
    @Transactional
    public void changed(UUID personId, UUID consentId, ConsentStatus status, Instant at) {
        apply(personId, consentId, status, null, at, false);
    }

    private void apply(UUID keyedBy, UUID consentId, ConsentStatus status, @Nullable ConsentBasis basis, Instant at,
                       boolean replacesHeld) {
        // A consent event about a record merged away applies to the survivor: a withdrawal must stop its messages.
        UUID personId = access.currentRecordOf(keyedBy);
        if (!people.exists(personId)) {
            throw RuleBroken.unknownPerson();
        }
        locks.lockPerson(personId);
        Optional<ConsentStanding> held = standings.of(personId);
        if (!replacesHeld && held.isPresent() && !held.get().isAbout(consentId)) {
            return;
        }
        // A change of the held consent keeps its basis (only the recorded event carries it).
        ConsentBasis kept = replacesHeld ? basis : held.map(ConsentStanding::basis).orElse(null);
        standings.keep(new ConsentStanding(personId, consentId, status, at, kept));
        access.audit(personId, CONSENT_SERVICE, AuditAction.CHANGED, "consent standing " + status,
                AccessPurpose.CONSENT_CHANGE, at);
        ConsentForTheRegister.removalFor(status).ifPresent(reason ->
                register.removeOpenEntryOf(personId, reason, CONSENT_SERVICE, AccessPurpose.CONSENT_CHANGE));
    }
}
