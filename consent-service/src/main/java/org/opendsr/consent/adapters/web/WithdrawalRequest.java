package org.opendsr.consent.adapters.web;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;

/** Consent was withdrawn. Withdrawing never affects the person's current support. */
@Serdeable
@Schema(name = "ConsentWithdrawal")
public record WithdrawalRequest(
        @Nullable @Schema(description = "Who withdrew it; OTHER when not stated") ConsentWithdrawalReason reason,
        @Nullable @Schema(description = "The day it was withdrawn, not in the future; today when omitted")
        LocalDate withdrawnOn,
        @Nullable @Schema(description = "Optional: why, if they said, in up to 500 characters. The person need not "
                + "give a reason. Never a name or contact details") String note) {

    /** A withdrawal with nothing more said: today, who withdrew it not stated. */
    static final WithdrawalRequest UNSTATED = new WithdrawalRequest(null, null, null);

    @Override
    public String toString() {
        return "WithdrawalRequest[reason=" + reason + ", withdrawnOn=" + withdrawnOn + ", note redacted]";
    }
}
