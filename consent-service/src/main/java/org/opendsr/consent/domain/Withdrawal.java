package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.opendsr.contracts.consent.ConsentWithdrawalReason;

/**
 * Consent was withdrawn. Withdrawing never affects the person's current support; it removes them from the register.
 *
 * @param on          the day it was withdrawn
 * @param reason      who withdrew it
 * @param note        optional, a few words on why; never a name
 * @param recordedBy  the professional who recorded the withdrawal
 */
public record Withdrawal(LocalDate on, ConsentWithdrawalReason reason, String note, String recordedBy) {

    public Withdrawal {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    @Override
    public String toString() {
        return "Withdrawal[on=" + on + ", reason=" + reason + ", note redacted]";
    }
}
