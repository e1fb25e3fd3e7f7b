package org.opendsr.referral.register.domain;

/**
 * A person's place in the DSR, as the register listing shows it: on the register (an open entry); referred (a
 * referral waiting for its outcome); removed (was on the register, nothing open now); or not accepted (every
 * referral declined or withdrawn).
 */
public enum RegisterStatus {
    ON_REGISTER,
    REFERRED,
    REMOVED,
    NOT_ACCEPTED;

    public static RegisterStatus of(boolean openEntry, boolean openReferral, boolean everOnRegister) {
        if (openEntry) {
            return ON_REGISTER;
        }
        if (openReferral) {
            return REFERRED;
        }
        return everOnRegister ? REMOVED : NOT_ACCEPTED;
    }
}
