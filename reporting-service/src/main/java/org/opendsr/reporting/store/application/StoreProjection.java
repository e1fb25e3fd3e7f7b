package org.opendsr.reporting.store.application;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.contracts.meeting.RecommendationMade;
import org.opendsr.contracts.meeting.RecommendationMet;
import org.opendsr.contracts.meeting.RecommendationUnmet;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.AdmittedNotOnRegister;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.KeyworkerReferralSuggested;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralContacted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.risk.ObligationCompleted;
import org.opendsr.contracts.risk.ObligationDue;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.contracts.risk.UpdatePosted;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.reporting.store.domain.ArrivedMonth;
import org.opendsr.reporting.store.domain.Fact;
import org.opendsr.reporting.store.domain.FactKind;
import org.opendsr.reporting.store.domain.PersonAttributes;
import org.opendsr.reporting.store.domain.PersonChange;
import org.opendsr.reporting.store.domain.Projection;
import org.opendsr.reporting.store.domain.Pseudonym;

import static org.opendsr.reporting.store.domain.StoreCodes.name;

/**
 * What each event the store needs comes to: facts and person attributes, with people and paired records under their
 * keyed pseudonyms and every date at day precision in England. The one place the mapping lives: the live listeners
 * and the rebuild both use it ({@link #project}). Types it does not know come to nothing.
 */
@Singleton
public class StoreProjection {

    private final Pseudonyms pseudonyms;

    public StoreProjection(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** Any event: dispatched by its payload type. */
    public Projection project(ReceivedEvent<?> event) {
        Object payload = event.payload();
        Instant time = event.time();
        if (payload instanceof ReferralReceived e) {
            return referralReceived(e, time);
        }
        if (payload instanceof ReferralAccepted e) {
            return referralAccepted(e, time);
        }
        if (payload instanceof ReferralDeclined e) {
            return referralDeclined(e, time);
        }
        if (payload instanceof ReferralWithdrawn e) {
            return referralWithdrawn(e, time);
        }
        if (payload instanceof ReferralContacted e) {
            return referralContacted(e, time);
        }
        if (payload instanceof PersonRemovedFromRegister e) {
            return personRemoved(e, time);
        }
        if (payload instanceof PersonMoved e) {
            return personMoved(e);
        }
        if (payload instanceof PersonTurned18 e) {
            return personTurned18(e);
        }
        if (payload instanceof PersonMerged e) {
            return personMerged(e);
        }
        if (payload instanceof PersonErased e) {
            return personErased(e);
        }
        if (payload instanceof AdmissionReported e) {
            return admission(e, time);
        }
        if (payload instanceof AdmittedNotOnRegister e) {
            return admittedNotOnRegister(e, time);
        }
        if (payload instanceof DischargeReported e) {
            return discharge(e, time);
        }
        if (payload instanceof KeyworkerReferralSuggested e) {
            return keyworkerSuggested(e, time);
        }
        if (payload instanceof RatingChanged e) {
            return ratingChanged(e, time);
        }
        if (payload instanceof UpdatePosted e) {
            return updatePosted(e, time);
        }
        if (payload instanceof ObligationDue e) {
            return obligationDue(e, time);
        }
        if (payload instanceof ObligationCompleted e) {
            return obligationCompleted(e, time);
        }
        if (payload instanceof ConsentRecorded e) {
            return consentRecorded(e, time);
        }
        if (payload instanceof ConsentOverdue e) {
            return consentOverdue(e, time);
        }
        if (payload instanceof ConsentLapsed e) {
            return consentLapsed(e, time);
        }
        if (payload instanceof ConsentWithdrawn e) {
            return consentWithdrawn(e, time);
        }
        if (payload instanceof RecommendationMade e) {
            return recommendationMade(e, time);
        }
        if (payload instanceof RecommendationMet e) {
            return recommendationMet(e, time);
        }
        if (payload instanceof RecommendationUnmet e) {
            return recommendationUnmet(e, time);
        }
        return Projection.NOTHING;
    }

    // ---- referral-service --------------------------------------------------------------------------------------

    public Projection referralReceived(ReferralReceived e, Instant time) {
        Pseudonym person = pseudonyms.person(e.personId());
        return Projection.of(fact(person, FactKind.REFERRAL_RECEIVED, day(e.receivedAt()), time)
                        .withCode(name(e.route())).withRecordKey(pseudonyms.referral(e.referralId())),
                new PersonAttributes(person, name(e.ageBand()), name(e.lifeStage()), e.locality(), name(e.diagnosis()),
                        null, name(e.route())));
    }

    public Projection referralAccepted(ReferralAccepted e, Instant time) {
        Pseudonym person = pseudonyms.person(e.personId());
        return Projection.of(fact(person, FactKind.REFERRAL_ACCEPTED, day(e.acceptedAt()), time)
                        .withRecordKey(pseudonyms.referral(e.referralId())),
                new PersonAttributes(person, name(e.ageBand()), name(e.lifeStage()), e.locality(), name(e.diagnosis()),
                        name(e.ethnicCategory()), null));
    }

    public Projection referralDeclined(ReferralDeclined e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.REFERRAL_DECLINED, day(e.declinedAt()), time)
                .withCode(name(e.reason())).withRecordKey(pseudonyms.referral(e.referralId())));
    }

    public Projection referralWithdrawn(ReferralWithdrawn e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.REFERRAL_WITHDRAWN, day(e.withdrawnAt()), time)
                .withCode(name(e.reason())).withRecordKey(pseudonyms.referral(e.referralId())));
    }

    public Projection referralContacted(ReferralContacted e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.FIRST_CONTACT, day(e.contactedAt()), time)
                .withDueOn(e.firstContactDueOn()).withOnTime(e.withinDeadline())
                .withRecordKey(pseudonyms.referral(e.referralId())));
    }

    public Projection personRemoved(PersonRemovedFromRegister e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.LEFT_REGISTER, day(e.removedAt()), time)
                .withCode(name(e.reason())));
    }

    public Projection personMoved(PersonMoved e) {
        return Projection.of(new PersonAttributes(pseudonyms.person(e.personId()), null, null, e.locality(), null, null,
                null));
    }

    public Projection personTurned18(PersonTurned18 e) {
        return Projection.of(new PersonAttributes(pseudonyms.person(e.personId()), name(e.ageBand()),
                name(e.lifeStage()), null, null, null, null));
    }

    /** Two records were one person: from's facts count as into's from now on. */
    public Projection personMerged(PersonMerged e) {
        return Projection.of(new PersonChange.Merged(pseudonyms.person(e.from()), pseudonyms.person(e.into())));
    }

    /** The person was erased: their facts are kept, re-keyed so that nothing links them to the personId. */
    public Projection personErased(PersonErased e) {
        return Projection.of(new PersonChange.Erased(pseudonyms.person(e.personId())));
    }

    public Projection admission(AdmissionReported e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.ADMISSION, e.admittedOn(), time));
    }

    /**
     * Someone the register did not hold was admitted: anonymous (no person to pseudonymise), so the fact carries the
     * attributes it is counted by itself.
     */
    public Projection admittedNotOnRegister(AdmittedNotOnRegister e, Instant time) {
        return Projection.of(Fact.of(null, FactKind.ADMISSION_NOT_ON_REGISTER, e.admittedOn(),
                        ArrivedMonth.of(e.admittedOn(), time))
                .withLocality(e.locality()).withAge(name(e.ageBand()), name(e.lifeStage())));
    }

    public Projection discharge(DischargeReported e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.DISCHARGE, e.dischargedOn(), time));
    }

    public Projection keyworkerSuggested(KeyworkerReferralSuggested e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.KEYWORKER_SUGGESTED, day(time), time)
                .withCode(name(e.reason())));
    }

    // ---- risk-service ------------------------------------------------------------------------------------------

    public Projection ratingChanged(RatingChanged e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.RATING, e.ratedOn(), time)
                .withCode(name(e.rating())));
    }

    public Projection updatePosted(UpdatePosted e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.UPDATE_POSTED, day(e.postedAt()), time)
                .withDueOn(e.nextDueOn()));
    }

    public Projection obligationDue(ObligationDue e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.OBLIGATION_DUE, day(time), time)
                .withCode(name(e.kind())).withDueOn(e.dueOn()).withRecordKey(pseudonyms.obligation(e.obligationId())));
    }

    public Projection obligationCompleted(ObligationCompleted e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.OBLIGATION_COMPLETED, e.completedOn(), time)
                .withCode(name(e.kind())).withDetail(name(e.outcome()))
                .withRecordKey(pseudonyms.obligation(e.obligationId())));
    }

    // ---- consent-service ---------------------------------------------------------------------------------------

    public Projection consentRecorded(ConsentRecorded e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.CONSENT, day(e.recordedAt()), time)
                .withCode(name(e.status())));
    }

    public Projection consentOverdue(ConsentOverdue e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.CONSENT, e.overdueSince(), time)
                .withCode("OVERDUE"));
    }

    public Projection consentLapsed(ConsentLapsed e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.CONSENT, e.lapsedOn(), time)
                .withCode("LAPSED"));
    }

    public Projection consentWithdrawn(ConsentWithdrawn e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.CONSENT, e.withdrawnOn(), time)
                .withCode("WITHDRAWN"));
    }

    // ---- meeting-service ---------------------------------------------------------------------------------------

    public Projection recommendationMade(RecommendationMade e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.RECOMMENDATION_MADE, e.madeOn(), time)
                .withCode(e.serviceType()).withLocality(e.area())
                .withRecordKey(pseudonyms.recommendation(e.recommendationId())));
    }

    public Projection recommendationMet(RecommendationMet e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.RECOMMENDATION_MET, e.metOn(), time)
                .withCode(e.serviceType()).withLocality(e.area())
                .withRecordKey(pseudonyms.recommendation(e.recommendationId())));
    }

    public Projection recommendationUnmet(RecommendationUnmet e, Instant time) {
        return Projection.of(fact(pseudonyms.person(e.personId()), FactKind.RECOMMENDATION_UNMET, e.recordedOn(), time)
                .withCode(e.serviceType()).withDetail(name(e.reason())).withLocality(e.area())
                .withRecordKey(pseudonyms.recommendation(e.recommendationId())));
    }

    private static Fact fact(Pseudonym person, FactKind kind, LocalDate occurredOn, Instant time) {
        return Fact.of(person, kind, occurredOn, ArrivedMonth.of(occurredOn, time));
    }

    private static LocalDate day(Instant instant) {
        return ArrivedMonth.dayOf(instant);
    }
}
