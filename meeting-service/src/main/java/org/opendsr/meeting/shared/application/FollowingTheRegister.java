package org.opendsr.meeting.shared.application;

import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentRenewalDue;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.risk.ObligationCompleted;
import org.opendsr.contracts.risk.ObligationDue;
import org.opendsr.contracts.risk.ObligationOutcome;
import org.opendsr.contracts.risk.ObligationOverdue;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.contracts.risk.UpdateOverdue;
import org.opendsr.contracts.risk.UpdatePosted;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What meeting-service learns from referral-, consent- and risk-service's events, by personId only: who is referred,
 * accepted, declined, withdrawn, moved or left, the month in which someone turns 18, their consent's renewal, their rating, overdue updates and what their rating obliges. The
 * agendas are built from it; bookings are checked against it. Each handler runs in the kit's transaction with the
 * processed-event record, so a redelivered event changes nothing.
 *
 * <p>What depends on the register follows it in the same transaction ({@link RegisterFollower}): a person who left
 * has their open bookings and Meetings by Exception cancelled; a closed obligation's open booking is cancelled.
 *
 * <p>Access decision: these events come from the services that own them, over their own topics (the only writers
 * the broker's ACLs allow); they change only these projections, never a person's record, so no caller is checked.
 *
 * <p>Order: the three topics are consumed independently, so a rating or consent event may arrive before the
 * referral event that placed the person. Those are kept against the personId (in no area until referral-service's
 * event arrives) rather than dead-lettered. A referral-service event that needs the person known (removed, moved)
 * about someone never referred is dead-lettered with the reason: on its own topic nothing overtakes it. An
 * announcement of turning 18 (either type) is the exception: it was made for some people nobody else knew, so it is
 * set aside.
 */
@Singleton
public class FollowingTheRegister {

    private static final Logger LOG = LoggerFactory.getLogger(FollowingTheRegister.class);

    private final RegisterProjection projection;
    private final List<RegisterFollower> followers;

    public FollowingTheRegister(RegisterProjection projection, List<RegisterFollower> followers) {
        this.projection = projection;
        this.followers = followers;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralReceived(ReceivedEvent<ReferralReceived> event) {
        ReferralReceived referral = event.payload();
        projection.referred(referral.personId(), referral.locality(), referral.lifeStage(), referral.receivedAt());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralAccepted(ReceivedEvent<ReferralAccepted> event) {
        ReferralAccepted accepted = event.payload();
        projection.accepted(accepted.personId(), accepted.locality(), accepted.lifeStage(), accepted.acceptedAt());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personRemoved(ReceivedEvent<PersonRemovedFromRegister> event) {
        PersonRemovedFromRegister removed = event.payload();
        known(removed.personId(), projection.removed(removed.personId(), removed.removedAt()));
        followers.forEach(follower -> follower.personLeftRegister(removed.personId(), removed.removedAt()));
    }

    /** A declined or withdrawn referral is no longer awaiting a decision (an agenda's "new referrals"). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralDeclined(ReceivedEvent<ReferralDeclined> event) {
        ReferralDeclined declined = event.payload();
        known(declined.personId(), projection.referralClosed(declined.personId(), declined.declinedAt()));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralWithdrawn(ReceivedEvent<ReferralWithdrawn> event) {
        ReferralWithdrawn withdrawn = event.payload();
        known(withdrawn.personId(), projection.referralClosed(withdrawn.personId(), withdrawn.withdrawnAt()));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personMoved(ReceivedEvent<PersonMoved> event) {
        PersonMoved moved = event.payload();
        known(moved.personId(), projection.moved(moved.personId(), moved.locality()));
    }

    /**
     * referral-service announced, two months ahead, the month in which the person turns 18: kept, so that they count as
     * an adult from the first day of the month after it ({@link RegisterPerson#lifeStageOn}), whenever this is read.
     * Someone never referred here is set aside, as for the old announcement (referral-service announced people nobody
     * else knew before issue 15, and announces them again once a referral of theirs is announced).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurning18(ReceivedEvent<PersonTurning18> event) {
        PersonTurning18 turning = event.payload();
        if (!projection.turning18In(turning.personId(), turning.month())) {
            LOG.info("Turning 18: person {} was never referred here; nothing to do", turning.personId());
        }
    }

    /**
     * The old day-precise announcement, no longer published, made on the birthday: an adult from now. It was also made for people whose self or family
     * referral was never completed, whom no service but referral-service knew: such a record about someone never
     * referred (read when this service's consumer group first started, or replayed) changes nothing and is not a dead
     * letter, which would be a false alert.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurned18(ReceivedEvent<PersonTurned18> event) {
        if (!projection.turned18(event.payload().personId())) {
            LOG.info("Turned 18: person {} was never referred here; nothing to do", event.payload().personId());
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void consentRecorded(ReceivedEvent<ConsentRecorded> event) {
        ConsentRecorded consent = event.payload();
        projection.consent(consent.personId(), consent.consentId(), consent.renewalDueOn(), consent.status());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void consentRenewalDue(ReceivedEvent<ConsentRenewalDue> event) {
        ConsentRenewalDue due = event.payload();
        projection.consentStatus(due.personId(), due.consentId(), ConsentStatus.RENEWAL_DUE, due.renewalDueOn());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void consentOverdue(ReceivedEvent<ConsentOverdue> event) {
        ConsentOverdue overdue = event.payload();
        projection.consentStatus(overdue.personId(), overdue.consentId(), ConsentStatus.OVERDUE, null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void consentLapsed(ReceivedEvent<ConsentLapsed> event) {
        ConsentLapsed lapsed = event.payload();
        projection.consentStatus(lapsed.personId(), lapsed.consentId(), ConsentStatus.LAPSED, null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void consentWithdrawn(ReceivedEvent<ConsentWithdrawn> event) {
        ConsentWithdrawn withdrawn = event.payload();
        projection.consentStatus(withdrawn.personId(), withdrawn.consentId(), ConsentStatus.WITHDRAWN, null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void ratingChanged(ReceivedEvent<RatingChanged> event) {
        RatingChanged rating = event.payload();
        projection.rated(rating.personId(), rating.rating(), rating.previousRating(), rating.ratedOn(),
                Boolean.TRUE.equals(rating.indicative()), event.time());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void updateOverdue(ReceivedEvent<UpdateOverdue> event) {
        projection.updateOverdue(event.payload().personId(), event.payload().dueOn());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void updatePosted(ReceivedEvent<UpdatePosted> event) {
        projection.updatePosted(event.payload().personId());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void obligationDue(ReceivedEvent<ObligationDue> event) {
        ObligationDue due = event.payload();
        projection.obligationDue(due.obligationId(), due.personId(), due.kind(), due.dueOn(), due.rating());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void obligationOverdue(ReceivedEvent<ObligationOverdue> event) {
        ObligationOverdue overdue = event.payload();
        projection.obligationOverdue(overdue.obligationId(), overdue.personId(), overdue.kind(), overdue.dueOn());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void obligationCompleted(ReceivedEvent<ObligationCompleted> event) {
        ObligationCompleted completed = event.payload();
        ReviewObligation.Status status = completed.outcome() == ObligationOutcome.DONE
                ? ReviewObligation.Status.DONE : ReviewObligation.Status.NOT_NEEDED;
        projection.obligationClosed(completed.obligationId(), completed.personId(), completed.kind(), status);
        followers.forEach(follower -> follower.obligationClosed(completed.obligationId(), completed.personId(),
                status));
    }

    private static void known(UUID personId, boolean known) {
        if (!known) {
            throw UnprocessableEvent.rejected("person " + personId + " was never referred to the DSR");
        }
    }
}
