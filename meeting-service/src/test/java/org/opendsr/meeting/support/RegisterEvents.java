package org.opendsr.meeting.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;

import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.shared.application.RegisterPeople;
import org.opendsr.meeting.shared.application.RegisterPerson;
import org.opendsr.meeting.shared.application.ReviewObligation;
import org.opendsr.meeting.shared.application.ReviewObligations;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * consent- and risk-service's events about people, as those services publish them, and waits until meeting-service's
 * projection shows them (so a test never races its own events).
 */
public final class RegisterEvents {

    private final ReferralEvents referrals;
    private final RegisterPeople people;
    private final ReviewObligations obligations;

    RegisterEvents(ReferralEvents referrals, RegisterPeople people, ReviewObligations obligations) {
        this.referrals = referrals;
        this.people = people;
        this.obligations = obligations;
    }

    /** A person referred, consented and accepted onto the register in SWINDON, known to meeting-service. */
    public UUID onRegister() {
        UUID personId = referrals.onRegister(null);
        awaitPerson(personId, RegisterPerson::onRegister);
        return personId;
    }

    /** The person was rated (a confirmed rating, not indicative), and meeting-service knows it. */
    public void rated(UUID personId, RagRating rating, RagRating previous, LocalDate ratedOn) {
        referrals.publishOn(Topics.RISK_EVENTS, personId, EventTypes.RISK_RATING_CHANGED_V1, data -> {
            data.put("rating", rating.name());
            if (previous == null) {
                data.putNull("previousRating");
            } else {
                data.put("previousRating", previous.name());
            }
            data.put("ratedOn", ratedOn.toString());
            data.put("indicative", false);
        });
        awaitPerson(personId, person -> person.rating() == rating && ratedOn.equals(person.ratedOn()));
    }

    /** risk-service obliges something by a date; returns the obligation's id once meeting-service holds it. */
    public UUID obligationDue(UUID personId, ObligationKind kind, LocalDate dueOn, RagRating rating) {
        UUID obligationId = UUID.randomUUID();
        referrals.publishOn(Topics.RISK_EVENTS, personId, EventTypes.RISK_OBLIGATION_DUE_V1, data -> {
            data.put("obligationId", obligationId.toString());
            data.put("kind", kind.name());
            data.put("dueOn", dueOn.toString());
            data.put("rating", rating.name());
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> obligations.obligation(obligationId).filter(ReviewObligation::isOpen).isPresent());
        return obligationId;
    }

    public void updateOverdue(UUID personId, LocalDate dueOn) {
        referrals.publishOn(Topics.RISK_EVENTS, personId, EventTypes.RISK_UPDATE_OVERDUE_V1, data -> {
            data.put("dueOn", dueOn.toString());
        });
        awaitPerson(personId, person -> dueOn.equals(person.updateOverdueSince()));
    }

    public void consentRenewalDue(UUID personId, LocalDate renewalDueOn) {
        UUID consentId = UUID.randomUUID();
        referrals.publishOn(Topics.CONSENT_EVENTS, personId, EventTypes.CONSENT_RECORDED_V1, data -> {
            data.put("consentId", consentId.toString());
            data.put("renewalDueOn", renewalDueOn.toString());
            data.put("status", "ACTIVE");
        });
        referrals.publishOn(Topics.CONSENT_EVENTS, personId, EventTypes.CONSENT_RENEWAL_DUE_V1, data -> {
            data.put("consentId", consentId.toString());
            data.put("renewalDueOn", renewalDueOn.toString());
        });
        awaitPerson(personId, person -> renewalDueOn.equals(person.consentRenewalDueOn())
                && person.consentStatus() == org.opendsr.contracts.consent.ConsentStatus.RENEWAL_DUE);
    }

    public RegisterPerson awaitPerson(UUID personId, Predicate<RegisterPerson> until) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> people.find(personId).filter(until).isPresent());
        return people.find(personId).orElseThrow();
    }
}
