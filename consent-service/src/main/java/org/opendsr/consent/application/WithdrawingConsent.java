package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.FreeText;
import org.opendsr.consent.domain.Withdrawal;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.kit.rules.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that consent was withdrawn and publishes {@code ConsentWithdrawn}, so referral-service removes the person
 * from the register. The consent is kept as history.
 */
@Singleton
public class WithdrawingConsent {

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawingConsent.class);

    private final Consents consents;
    private final ConsentEvents events;
    private final MovingConsentOn movingOn;
    private final Clock clock;

    public WithdrawingConsent(Consents consents, ConsentEvents events, MovingConsentOn movingOn, Clock clock) {
        this.consents = consents;
        this.events = events;
        this.movingOn = movingOn;
        this.clock = clock;
    }

    /**
     * @param reason      who withdrew it; OTHER when not stated (the person need not say why, nor the
     *                    professional who told them)
     * @param withdrawnOn the day it was withdrawn; today when null
     * @param note        optional, a few words on why (never a name)
     */
    // A refusal keeps what bringing the consent up to date did: a consent whose grace has ended lapses, as the
    // nightly run would have lapsed it, rather than being withdrawn.
    @Transactional(noRollbackFor = RuleBroken.class)
    public Consent withdraw(UUID consentId, ConsentWithdrawalReason reason, LocalDate withdrawnOn, String note,
                            String recordedBy) {
        LocalDate today = LocalDate.now(clock);
        Consent consent = movingOn.upToDate(consents.findForUpdate(consentId)
                .orElseThrow(() -> RuleBroken.notFound("The consent")), today);
        ConsentChange.Withdrawn withdrawn = consent.withdraw(new Withdrawal(withdrawnOn == null ? today : withdrawnOn,
                reason == null ? ConsentWithdrawalReason.OTHER : reason, FreeText.tidy(note), recordedBy), today);
        consents.update(consent);
        events.publish(withdrawn);
        LOG.info("Consent {} of person {} withdrawn ({})", consentId, consent.personId(), withdrawn.reason());
        return consent;
    }
}
