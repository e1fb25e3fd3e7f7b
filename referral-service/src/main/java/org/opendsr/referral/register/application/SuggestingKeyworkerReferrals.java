package org.opendsr.referral.register.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.KeyworkerReferralSuggested;
import org.opendsr.contracts.referral.KeyworkerSuggestionReason;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.register.domain.KeyworkerReferralPolicy;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.rights.application.ProcessingRestrictions;

/**
 * Suggests a keyworker referral for people under 25 ({@link KeyworkerReferralPolicy}): once per episode and reason,
 * recorded under a unique key so a retry or a second replica never suggests twice.
 */
@Singleton
public class SuggestingKeyworkerReferrals {

    private final Milestones milestones;
    private final People people;
    private final RegisterEntries registerEntries;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final Clock clock;
    private final ProcessingRestrictions restrictions;

    public SuggestingKeyworkerReferrals(Milestones milestones, People people, RegisterEntries registerEntries,
                                        EventOutbox outbox, RecordAccess access, Clock clock,
                                        ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.access = access;
        this.milestones = milestones;
        this.people = people;
        this.registerEntries = registerEntries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** At referral (the referral is the episode), in the caller's transaction. */
    public void atReferral(UUID personId, UUID referralId, LocalDate dateOfBirth, LocalDate receivedOn,
                           boolean knownBefore) {
        AgeAtDate age = AgeAtDate.of(dateOfBirth, receivedOn);
        KeyworkerReferralPolicy.atReferral(age)
                .ifPresent(reason -> suggest(personId, referralId, reason, age, Now.of(clock), knownBefore));
    }

    /**
     * On risk-service's {@code dsr.risk.rating-changed.v1} (through {@link FollowingRatings}): when a person on the
     * register is rated Red, Amber or Blue while under 25, suggest a keyworker referral once for their register entry
     * (the episode). The age is the one on the day of the rating, never on the day its event arrives: a consumer
     * running behind near a 25th birthday must not change the outcome (issue 15).
     *
     * @param ratedOn the rating's date, as risk-service published it
     * @return true when a suggestion was published
     */
    @Transactional
    public boolean whenRated(UUID personId, RagRating rating, LocalDate ratedOn) {
        Optional<Person> person = people.byId(personId).filter(row -> row.dateOfBirth() != null);
        if (person.isEmpty()) {
            return false;
        }
        return registerEntries.openEntryOf(personId).map(entry -> {
            // Reading the date of birth is a read of the record like any other (the 18th-birthday job audits too).
            access.audit(personId, Actor.REFERRAL_SERVICE, AuditAction.READ,
                    "date of birth: age when rated " + rating.name(), AccessPurpose.AGE_MILESTONE, Now.of(clock));
            AgeAtDate age = AgeAtDate.of(person.get().dateOfBirth(), ratedOn);
            return KeyworkerReferralPolicy.whenRated(person.get().dateOfBirth(), ratedOn, rating)
                    .map(reason -> suggest(personId, entry.id(), reason, age, Now.of(clock), true))
                    .orElse(false);
        }).orElse(false);
    }

    private boolean suggest(UUID personId, UUID episodeId, KeyworkerSuggestionReason reason, AgeAtDate age, Instant at,
                            boolean mayBeRestricted) {
        // Restriction of processing (UK GDPR Article 18) stops what the DSR's duty of care does not need: a keyworker
        // suggestion starts new processing for another service, so none is made (nor recorded, so a later referral or
        // rating may suggest once the restriction is lifted). What care and the law still need goes on: the register
        // entry, first-contact and review deadlines, age milestones (transition to adult services), the care team
        // and need-to-know, the audit trail, and the DSR team's own corrections of the record.
        if (mayBeRestricted && restrictions.of(personId).restricted()) {
            return false;
        }
        if (!milestones.recordKeyworkerSuggestion(episodeId, reason.name(), personId, at)) {
            return false;
        }
        outbox.append("person", personId, EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1,
                new KeyworkerReferralSuggested(personId, reason, age.band(), episodeId));
        return true;
    }
}
