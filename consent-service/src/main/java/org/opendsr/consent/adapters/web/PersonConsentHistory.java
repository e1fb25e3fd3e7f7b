package org.opendsr.consent.adapters.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.consent.application.ReadingConsents;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentState;

/** A person's consent history, newest first. Withdrawn and lapsed consents stay in it. */
@Serdeable
@Schema(name = "PersonConsentHistory")
public record PersonConsentHistory(
        UUID personId,
        @Nullable @Schema(description = "The person's open consent (ACTIVE, RENEWAL_DUE or OVERDUE), if any")
        UUID currentConsentId,
        @Nullable ConsentState currentStatus,
        @Schema(description = "Whether the person has active consent (ACTIVE or RENEWAL_DUE)")
        boolean activeConsent,
        @Nullable @Schema(description = "The day the person left the register, until they are referred again")
        LocalDate leftRegisterOn,
        @Schema(description = "Whether the person is on the register, as far as referral events tell")
        boolean onRegister,
        @Schema(description = "How many referrals of theirs await an outcome (accepted, declined or withdrawn)")
        int openReferrals,
        @Schema(description = "Whether their consent is followed up with reminders and on the worklists: while they "
                + "are on the register or a referral of theirs awaits an outcome")
        boolean followedUp,
        List<ConsentView> consents,
        @Schema(description = "Whether processing of the person's data is restricted (UK GDPR Article 18): the record "
                + "is kept and shown, and no renewal reminder is sent while it lasts")
        boolean processingRestricted) {

    static PersonConsentHistory of(ReadingConsents.ConsentHistory history, LocalDate today) {
        Consent current = history.current().orElse(null);
        return new PersonConsentHistory(history.person().personId(), current == null ? null : current.id(),
                current == null ? null : current.state(), current != null && current.state().isActiveConsent(),
                history.person().leftRegisterOn(), history.person().onRegister(),
                history.person().openReferrals().size(), history.person().isFollowed(),
                history.consents().stream().map(record -> ConsentView.of(record, today)).toList(),
                history.processingRestricted());
    }
}
