package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAccess.Attempt;
import org.opendsr.consent.application.ConsentAudit.Action;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.FreeText;
import org.opendsr.consent.domain.Withdrawal;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that consent was withdrawn and publishes {@code ConsentWithdrawn}, so referral-service removes the person
 * from the register. The consent is kept as history.
 *
 * <p>Who may withdraw is decided from the person's care team now ({@link ConsentAccess}), not from who recorded the
 * consent: the responsible professional may withdraw a consent someone else recorded, and a recorder who has left
 * the person's care may not. Every attempt is audited.
 */
@Singleton
public class WithdrawingConsent {

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawingConsent.class);

    private final Consents consents;
    private final ConsentEvents events;
    private final MovingConsentOn movingOn;
    private final ConsentAccess access;
    private final Clock clock;

    public WithdrawingConsent(Consents consents, ConsentEvents events, MovingConsentOn movingOn, ConsentAccess access,
                              Clock clock) {
        this.consents = consents;
        this.events = events;
        this.movingOn = movingOn;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @param reason      who withdrew it; OTHER when not stated (the person need not say why, nor the
     *                    professional who told them)
     * @param withdrawnOn the day it was withdrawn; today when null
     * @param note        optional, a few words on why (never a name)
     * @param caller      who records the withdrawal; their user id is kept with it
     */
    // A refusal keeps what bringing the consent up to date did: a consent whose grace has ended lapses, as the
    // nightly run would have lapsed it, rather than being withdrawn.
    @Transactional(noRollbackFor = RuleBroken.class)
    public Consent withdraw(UUID consentId, ConsentWithdrawalReason reason, LocalDate withdrawnOn, String note,
                            Caller caller, AccessPurpose purpose) {
        LocalDate today = LocalDate.now(clock);
        Attempt attempt = new Attempt(caller, purpose, Action.WITHDRAWN, "consent " + consentId, clock.instant());
        Consent stored = consents.findForUpdate(consentId)
                .orElseThrow(() -> access.notFound(attempt, null, RuleBroken.notFound("The consent")));
        // Who may not see the consent may not learn that it exists: the answer is the unknown consent's.
        access.mustChange(attempt, stored.personId(), () -> RuleBroken.notFound("The consent"));
        try {
            Consent consent = movingOn.upToDate(stored, today);
            String before = consent.state().name();
            ConsentChange.Withdrawn withdrawn = consent.withdraw(new Withdrawal(
                    withdrawnOn == null ? today : withdrawnOn, reason == null ? ConsentWithdrawalReason.OTHER : reason,
                    FreeText.tidy(note), caller.userId()), today);
            consents.update(consent);
            events.publish(withdrawn);
            access.changed(attempt, consent.personId(), Map.of("status", before), Map.of("status",
                    consent.state().name(), "withdrawnOn", withdrawn.withdrawnOn().toString(),
                    "reason", withdrawn.reason().name()));
            LOG.info("Consent {} of person {} withdrawn ({})", consentId, consent.personId(), withdrawn.reason());
            return consent;
        } catch (RuleBroken refused) {
            throw access.failed(attempt, stored.personId(), refused);
        }
    }
}
