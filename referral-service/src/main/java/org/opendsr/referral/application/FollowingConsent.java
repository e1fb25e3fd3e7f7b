package org.opendsr.referral.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventSources;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.referral.adapters.persistence.AdvisoryLocks;
import org.opendsr.referral.adapters.persistence.ConsentStandingRow;
import org.opendsr.referral.adapters.persistence.ConsentStandings;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.ConsentForTheRegister;
import org.opendsr.referral.domain.RuleBroken;

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
    private final AdvisoryLocks locks;
    private final RegisterChanges register;
    private final RecordAccess access;

    public FollowingConsent(People people, ConsentStandings standings, AdvisoryLocks locks, RegisterChanges register,
                            RecordAccess access) {
        this.people = people;
        this.standings = standings;
        this.locks = locks;
        this.register = register;
        this.access = access;
    }

    /** Consent was recorded or renewed: it is now the person's consent, with the status consent-service computed. */
    @Transactional
    public void recorded(UUID personId, UUID consentId, ConsentStatus status, Instant at) {
        apply(personId, consentId, status, at, true);
    }

    /** The held consent moved on: renewal due, overdue, lapsed or withdrawn. */
    @Transactional
    public void changed(UUID personId, UUID consentId, ConsentStatus status, Instant at) {
        apply(personId, consentId, status, at, false);
    }

    private void apply(UUID personId, UUID consentId, ConsentStatus status, Instant at, boolean replacesHeld) {
        if (!people.existsById(personId)) {
            throw RuleBroken.unknownPerson();
        }
        locks.lockPerson(personId);
        Optional<ConsentStandingRow> held = standings.findById(personId);
        if (!replacesHeld && held.isPresent() && !held.get().consentId().equals(consentId)) {
            return;
        }
        ConsentStandingRow standing = new ConsentStandingRow(personId, consentId, status.name(), at);
        if (held.isPresent()) {
            standings.update(standing);
        } else {
            standings.save(standing);
        }
        access.audit(personId, CONSENT_SERVICE, AuditAction.CHANGED, "consent standing " + status,
                AccessPurpose.CONSENT_CHANGE, at);
        ConsentForTheRegister.removalFor(status).ifPresent(reason ->
                register.removeOpenEntryOf(personId, reason, CONSENT_SERVICE, AccessPurpose.CONSENT_CHANGE));
    }
}
