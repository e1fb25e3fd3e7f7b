package org.opendsr.risk.rating.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.PersonRatings;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.rating.domain.RatingRules;
import org.opendsr.risk.shared.application.RiskAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What risk-service learns from referral-service's events, by personId only: who was referred (with the referrer's
 * indicative rating, life stage and age band on the referral's day), who is on the register, the month in which
 * someone turns 18, who left, and the admissions and discharges agencies report. Each handler runs in the kit's
 * transaction with the processed-event record, so a redelivered event changes nothing. An event about a person never
 * referred is dead-lettered with the reason (it can never succeed), except an announcement of turning 18 (either
 * type), which is set aside with a log line: referral-service once announced people nobody else knew.
 */
@Singleton
public class FollowingReferrals {

    static final String REFERRAL_SERVICE = "referral-service";

    private static final Logger LOG = LoggerFactory.getLogger(FollowingReferrals.class);

    private final PersonRatings people;
    private final ApplyingRatings applying;
    private final RatingRules rules;
    private final RiskAccess access;
    private final Clock clock;

    public FollowingReferrals(PersonRatings people, ApplyingRatings applying, RatingRules rules, RiskAccess access,
                              Clock clock) {
        this.people = people;
        this.applying = applying;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    /** Someone was referred: known from now, with the referral's indicative rating for when they are accepted. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralReceived(ReceivedEvent<ReferralReceived> event) {
        ReferralReceived referral = event.payload();
        LocalDate on = dayOf(referral.receivedAt());
        people.findForUpdate(referral.personId()).ifPresentOrElse(known -> {
            known.referredAgain(referral.lifeStage(), referral.ageBand(), on, referral.indicativeRag());
            people.save(known);
        }, () -> people.save(PersonRating.referred(referral.personId(), referral.lifeStage(), referral.ageBand(), on,
                referral.indicativeRag())));
    }

    /** On the register from now, starting with the referrer's indicative rating (if they gave one). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void referralAccepted(ReceivedEvent<ReferralAccepted> event) {
        ReferralAccepted accepted = event.payload();
        PersonRating person = people.findForUpdate(accepted.personId()).orElseGet(() ->
                // Accepted without a received event seen (e.g. consumed before this service existed): known now.
                PersonRating.referred(accepted.personId(), accepted.lifeStage(), accepted.ageBand(),
                        dayOf(accepted.acceptedAt()), null));
        Instant at = accepted.acceptedAt();
        person.accepted(accepted.registerEntryId(), at, dayOf(at)).ifPresentOrElse(
                decision -> applying.apply(person, decision), () -> people.save(person));
    }

    /** Left the register: the rating closes (kept in the history); what it obliged stops being due. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personRemoved(ReceivedEvent<PersonRemovedFromRegister> event) {
        PersonRemovedFromRegister removed = event.payload();
        PersonRating person = known(removed.personId());
        if (!person.onRegister()) {
            return;
        }
        java.util.Optional<PersonRating.CurrentRating> closed = person.removed();
        applying.leftRegister(person, removed.removedAt());
        access.auditedBySystem(REFERRAL_SERVICE, person.personId(), "CLOSED", "rating",
                closed.map(rating -> Map.of("rating", rating.rating().name(), "onRegister", true))
                        .orElse(Map.of("onRegister", true)),
                Map.of("onRegister", false, "reason", removed.reason().name()));
    }

    /**
     * referral-service announced, two months ahead, the month in which the person turns 18. The month is kept and the
     * person counts as an adult from the first day of the month after it ({@link PersonRating#lifeStageOn}): the
     * adult's review (CTR) and cadences apply to what is decided from that day, whenever this event is read. Someone
     * never referred here is set aside, as for the old announcement: referral-service announced people nobody else
     * knew before issue 15, and announces them again once a referral of theirs is announced.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurning18(ReceivedEvent<PersonTurning18> event) {
        PersonTurning18 turning = event.payload();
        people.findForUpdate(turning.personId()).ifPresentOrElse(person -> {
            person.turning18In(turning.month());
            people.save(person);
        }, () -> LOG.info("Turning 18: person {} was never referred here; nothing to do", turning.personId()));
    }

    /**
     * The old day-precise announcement, no longer published, made on the birthday: an adult from now. It was also made for people whose self or family
     * referral was never completed, whom no service but referral-service knew: such a record (read by a new consumer
     * group, or replayed) about someone never referred here changes nothing and is not a dead letter, which would be a
     * false alert.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personTurned18(ReceivedEvent<PersonTurned18> event) {
        people.findForUpdate(event.payload().personId()).ifPresentOrElse(person -> {
            person.turned18();
            people.save(person);
        }, () -> LOG.info("Turned 18: person {} was never referred here; nothing to do", event.payload().personId()));
    }

    /** BLUE at once for someone on the register (system actor: the reporting agency, reason recorded). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void admissionReported(ReceivedEvent<AdmissionReported> event) {
        AdmissionReported admission = event.payload();
        PersonRating person = known(admission.personId());
        Instant at = clock.instant();
        person.admitted(admission.admittedOn(), actorOf(admission.reportedBy()), at).ifPresentOrElse(decision -> {
            applying.apply(person, decision);
            audit(decision);
        }, () -> people.save(person));
    }

    /** RED, not lowered for the floor's days. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void dischargeReported(ReceivedEvent<DischargeReported> event) {
        DischargeReported discharge = event.payload();
        PersonRating person = known(discharge.personId());
        Instant at = clock.instant();
        person.discharged(discharge.dischargedOn(), actorOf(discharge.reportedBy()), at, rules)
                .ifPresentOrElse(decision -> {
                    applying.apply(person, decision);
                    audit(decision);
                }, () -> people.save(person));
    }

    private void audit(RatingDecision decision) {
        access.auditedBySystem(decision.decidedBy(), decision.personId(), "CHANGED", "rating",
                decision.previous() == null ? null : Map.of("rating", decision.previous().name()),
                Map.of("rating", decision.rating().name(), "cause", decision.cause().name()));
    }

    private PersonRating known(UUID personId) {
        return people.findForUpdate(personId).orElseThrow(RuleBroken::unknownPerson);
    }

    private static String actorOf(String reportedBy) {
        return reportedBy == null || reportedBy.isBlank() ? "agency" : reportedBy;
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, DsrClock.ENGLAND);
    }
}
