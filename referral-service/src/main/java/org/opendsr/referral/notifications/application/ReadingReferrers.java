package org.opendsr.referral.notifications.application;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.notifications.domain.Referrer;
import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.KeyProfessionals;

/**
 * A referral's referrer from referral-service's own tables: an agency's referrer as the agency named them; a
 * professional by the e-mail their token gave at intake, named as their key-professional entry names them if the
 * person's record has one for their user id (else unnamed: "Hello," is better than a wrong name).
 */
@Singleton
public class ReadingReferrers implements ReferrersOnRecord {

    private final Referrals referrals;
    private final KeyProfessionals keyProfessionals;

    public ReadingReferrers(Referrals referrals, KeyProfessionals keyProfessionals) {
        this.referrals = referrals;
        this.keyProfessionals = keyProfessionals;
    }

    @Override
    public Optional<Referrer> of(UUID referralId) {
        return referrals.byId(referralId).map(this::referrer);
    }

    private Referrer referrer(Referral referral) {
        if (referral.agencyReferrer() != null) {
            return new Referrer(referral.agencyReferrer().name(), referral.agencyReferrer().email());
        }
        String name = keyProfessionals.of(referral.personId()).stream()
                .filter(key -> referral.referredBy().equals(key.userId()))
                .map(KeyProfessional::name)
                .findFirst().orElse("");
        return new Referrer(name, referral.professionalEmail());
    }
}
