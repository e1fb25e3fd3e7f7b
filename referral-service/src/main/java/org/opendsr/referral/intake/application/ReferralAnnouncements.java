package org.opendsr.referral.intake.application;

import java.time.LocalDate;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.register.application.SuggestingKeyworkerReferrals;

/**
 * Tells the other services a referral was received, once the DSR knows enough to say it without identifying the
 * person (age band, life stage and locality): at once for professional and agency referrals, on completion for a
 * self or family referral. Suggests a keyworker referral for someone under 25 at the same time.
 */
@Singleton
public class ReferralAnnouncements {

    private final EventOutbox outbox;
    private final SuggestingKeyworkerReferrals keyworker;

    public ReferralAnnouncements(EventOutbox outbox, SuggestingKeyworkerReferrals keyworker) {
        this.outbox = outbox;
        this.keyworker = keyworker;
    }

    void received(Referral referral, Person person) {
        LocalDate receivedOn = referral.receivedOn();
        AgeAtDate age = AgeAtDate.of(person.dateOfBirth(), receivedOn);
        outbox.append("referral", person.id(), EventTypes.REFERRAL_RECEIVED_V1, new ReferralReceived(
                referral.id(), person.id(), referral.route(), person.locality(), age.band(),
                age.lifeStage(), referral.minimumDataSet() == null ? null : referral.minimumDataSet().indicativeRag(),
                referral.receivedAt(), person.diagnosis() == null ? null : Diagnosis.valueOf(person.diagnosis()),
                age.isUnder16()));
        // Someone recorded by this very referral cannot have had processing restricted: no need to ask.
        keyworker.atReferral(person.id(), referral.id(), person.dateOfBirth(), receivedOn,
                !person.createdAt().equals(referral.receivedAt()));
    }
}
