package org.opendsr.referral.register.domain;

import java.util.Optional;

import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.kit.rules.RuleBroken;

/**
 * What a person's consent (as consent-service reports it) means for the register. Active consent (ACTIVE, or
 * RENEWAL_DUE within the renewal window) is needed to accept a referral. OVERDUE is the 4-week grace period: the
 * person stays on the register but cannot be newly accepted. LAPSED or WITHDRAWN consent removes them.
 */
public final class ConsentForTheRegister {

    /** Consent reaches referral-service as an event, so a refusal right after recording it is worth retrying. */
    private static final String ARRIVES_AS_AN_EVENT =
            " (consent recorded or renewed a moment ago reaches the register within seconds: try again shortly)";

    private ConsentForTheRegister() {
    }

    public static boolean isActive(Optional<ConsentStatus> status) {
        return status.map(s -> s == ConsentStatus.ACTIVE || s == ConsentStatus.RENEWAL_DUE).orElse(false);
    }

    /** Refuses acceptance without active consent, saying what consent-service last reported. */
    public static void checkAllowsAcceptance(Optional<ConsentStatus> status) {
        if (isActive(status)) {
            return;
        }
        throw RuleBroken.conflict("consent-not-active", "Active consent is needed to accept a referral",
                status.map(s -> "consent-service last reported the person's consent as " + s
                                + "; it must be ACTIVE or RENEWAL_DUE" + ARRIVES_AS_AN_EVENT)
                        .orElse("no consent has been recorded for the person; record it in consent-service first"
                                + ARRIVES_AS_AN_EVENT));
    }

    /** The register removal the consent status calls for, if any. */
    public static Optional<RemovalReason> removalFor(ConsentStatus status) {
        switch (status) {
            case LAPSED:
                return Optional.of(RemovalReason.CONSENT_LAPSED);
            case WITHDRAWN:
                return Optional.of(RemovalReason.CONSENT_WITHDRAWN);
            default:
                return Optional.empty();
        }
    }

    /**
     * Removals for lapsed or withdrawn consent follow consent-service's events, so that the register and the consent
     * record never disagree: the DSR team records a withdrawal in consent-service, not here.
     */
    public static boolean isDecidedByConsentService(RemovalReason reason) {
        return reason == RemovalReason.CONSENT_LAPSED || reason == RemovalReason.CONSENT_WITHDRAWN;
    }
}
