package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.ports.Locks;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.ConsentRenewalPolicy;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned16;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.kit.time.DsrClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What consent-service learns from referral-service's events: who a person is (by id only), the outcome of their
 * referrals, the months in which they turned 16 and turn 18 (never the day), and when they leave the register. Each
 * handler runs in the consumer's transaction, with the record that the event was processed. An event about someone no
 * referral introduced is dead-lettered, except an announcement of turning 18 or 16, which is set aside (see
 * {@link #personTurning18}).
 */
@Singleton
public class KnowingPeople {

    private static final Logger LOG = LoggerFactory.getLogger(KnowingPeople.class);

    /** Serialises work on one person, who may have no consent row yet to lock (recording, turning 18). */
    static final String PERSON_LOCK = "consent-person:";

    private final KnownPeople people;
    private final Consents consents;
    private final Locks locks;
    private final ConsentRenewalPolicy policy;
    private final ConsentEvents events;
    private final Clock clock;

    private final MergedPeople mergedPeople;

    public KnowingPeople(KnownPeople people, Consents consents, Locks locks, ConsentRenewalPolicy policy,
                         ConsentEvents events, Clock clock, MergedPeople mergedPeople) {
        this.mergedPeople = mergedPeople;
        this.people = people;
        this.consents = consents;
        this.locks = locks;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** A referral: the person is known from now on (again, if they had left the register). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralReceived(ReceivedEvent<ReferralReceived> event) {
        ReferralReceived referral = event.payload();
        LocalDate on = LocalDate.ofInstant(referral.receivedAt(), DsrClock.ENGLAND);
        Optional<KnownPerson> known = people.findForUpdate(referral.personId());
        if (known.isPresent()) {
            people.update(known.get().referredAgain(referral.referralId(), referral.lifeStage(), referral.ageBand(),
                    referral.under16(), on), referral.receivedAt());
        } else {
            people.add(KnownPerson.referred(referral.personId(), referral.referralId(), referral.lifeStage(),
                    referral.ageBand(), referral.under16(), on), referral.receivedAt());
        }
    }

    /** A referral was accepted: the person is on the register, and their consent is followed up. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralAccepted(ReceivedEvent<ReferralAccepted> event) {
        ReferralAccepted accepted = event.payload();
        people.update(known(accepted.personId()).referralAccepted(accepted.referralId()), null);
    }

    /**
     * A referral was declined. Unless the person is on the register or has another referral open, nobody is
     * reminded to renew their consent and it leaves the worklists; a new referral brings it back.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralDeclined(ReceivedEvent<ReferralDeclined> event) {
        referralClosed(event.payload().personId(), event.payload().referralId(), "declined");
    }

    /** A referral was withdrawn before an outcome: as for a declined one. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralWithdrawn(ReceivedEvent<ReferralWithdrawn> event) {
        referralClosed(event.payload().personId(), event.payload().referralId(), "withdrawn");
    }

    private void referralClosed(UUID personId, UUID referralId, String how) {
        KnownPerson person = known(personId).referralClosed(referralId);
        people.update(person, null);
        if (!person.isFollowed()) {
            LOG.info("Referral {} of person {} {}: with no open referral and not on the register, their consent is "
                    + "no longer followed up", referralId, personId, how);
        }
    }

    /**
     * The person turns 18 in the month announced (announced ahead of it, so renewal at 18 is "due soon" and reminded
     * as yearly renewal is, by the lifecycle run): a consent given while they were a child must be renewed by the end of
     * that month (DSR policy: consent is renewed when a young person turns 18). The month comes from the event, not
     * from the day it is processed, so consumer lag or a replay from the dead-letter topic changes nobody's dates.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurning18(ReceivedEvent<PersonTurning18> event) {
        turning18(event.payload().personId(), event.payload().month());
    }

    /**
     * The old, day-precise announcement, no longer published but still on the topic from older records: its time
     * was the birthday, so only its month is kept and it is handled as {@link #personTurning18}.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurned18(ReceivedEvent<PersonTurned18> event) {
        // An event without a time (the envelope allows it) is taken as published now.
        YearMonth month = YearMonth.from(LocalDate.ofInstant(event.time() != null ? event.time() : clock.instant(),
                DsrClock.ENGLAND));
        turning18(event.payload().personId(), month);
    }

    private void turning18(UUID announced, YearMonth month) {
        // About a duplicate merged since: the survivor turns 18 that month.
        UUID personId = mergedPeople.survivorOf(announced);
        // Taken in turn with recording consent, so a consent recorded at this moment cannot miss the announcement.
        locks.lock(PERSON_LOCK + personId);
        Optional<KnownPerson> known = people.findForUpdate(personId);
        if (known.isEmpty()) {
            // referral-service announced people whose self or family referral was never completed, whom no service
            // but referral-service knew; such records may still be on the topic. Nobody unknown here has a consent to
            // renew, and referral-service announces them again once a referral of theirs is announced: a dead letter
            // would be a false alert.
            LOG.info("Person {} turns 18 but no referral of theirs has reached consent-service: nothing to renew",
                    personId);
            return;
        }
        KnownPerson adult = known.get().turning18In(month);
        people.update(adult, null);
        LocalDate today = LocalDate.now(clock);
        consents.openConsentOfForUpdate(personId).ifPresent(consent -> {
            Optional<ConsentChange> change = consent.personTurning18(adult.turns18In(), today, policy);
            // Stored even without a change of state: the due date may have moved.
            consents.update(consent);
            change.ifPresent(moved -> {
                events.publish(moved);
                LOG.info("Consent {} of person {} must be renewed by {}: the person turns 18 that month",
                        consent.id(), personId, consent.renewalDue().on());
            });
        });
    }

    /**
     * The person turned 16 in a month now ended: from the first day of the next month the Mental Capacity Act 2005
     * applies to them, so a best-interests decision or a deputy may consent for them. Nothing already recorded
     * changes. Someone consent-service does not know (their referral never reached it) has nothing here to change:
     * the announcement is skipped, not dead-lettered, and a later referral says they are not under 16.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurned16(ReceivedEvent<PersonTurned16> event) {
        UUID personId = mergedPeople.survivorOf(event.payload().personId());
        // Taken in turn with recording consent, as for turning 18.
        locks.lock(PERSON_LOCK + personId);
        Optional<KnownPerson> known = people.findForUpdate(personId);
        if (known.isEmpty()) {
            LOG.info("Person {} turned 16 but no referral of theirs has reached consent-service: nothing to change",
                    personId);
            return;
        }
        people.update(known.get().turned16(event.payload().month()), null);
    }

    /**
     * The person left the register. Their consent keeps following its dates, but nobody is reminded to renew it
     * and it leaves the worklists, until they are referred again.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personRemovedFromRegister(ReceivedEvent<PersonRemovedFromRegister> event) {
        PersonRemovedFromRegister removal = event.payload();
        KnownPerson person = known(removal.personId());
        people.update(person.leftTheRegister(LocalDate.ofInstant(removal.removedAt(), DsrClock.ENGLAND),
                removal.reason()), null);
    }

    /**
     * The person, or the survivor they were merged into: an event about a duplicate that arrives after the merge (its
     * referral decided late, say) is applied to the survivor, who holds the duplicate's referrals now.
     */
    private KnownPerson known(UUID personId) {
        return people.findForUpdate(mergedPeople.survivorOf(personId)).orElseThrow(() -> UnprocessableEvent.rejected(
                "no referral of person " + personId + " has reached consent-service"));
    }
}
