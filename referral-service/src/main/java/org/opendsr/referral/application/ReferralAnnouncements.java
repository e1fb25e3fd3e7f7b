package org.opendsr.referral.application;

import java.time.LocalDate;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.domain.AgeAtDate;
import org.opendsr.referral.domain.FirstContactDeadline;

/**
 * Tells the other services a referral was received, once the DSR knows enough to say it without identifying the
 * person (age band, life stage and locality): at once for professional and agency referrals, on completion for a
 * self or family referral. Suggests a keyworker referral for someone under 25 at the same time.
 */
@Singleton
public class ReferralAnnouncements {

    private final Outbox outbox;
    private final SuggestingKeyworkerReferrals keyworker;

    public ReferralAnnouncements(Outbox outbox, SuggestingKeyworkerReferrals keyworker) {
        this.outbox = outbox;
        this.keyworker = keyworker;
    }

    void received(ReferralRow referral, PersonRow person) {
        LocalDate receivedOn = LocalDate.ofInstant(referral.receivedAt(), FirstContactDeadline.ENGLAND);
        AgeAtDate age = AgeAtDate.of(person.dateOfBirth(), receivedOn);
        outbox.append("referral", person.id(), EventTypes.REFERRAL_RECEIVED_V1, new ReferralReceived(
                referral.id(), person.id(), ReferralRoute.valueOf(referral.route()), person.locality(), age.band(),
                age.lifeStage(), referral.indicativeRag() == null ? null : RagRating.valueOf(referral.indicativeRag()),
                referral.receivedAt(), person.diagnosis() == null ? null : Diagnosis.valueOf(person.diagnosis())));
        keyworker.atReferral(person.id(), referral.id(), person.dateOfBirth(), receivedOn);
    }
}
