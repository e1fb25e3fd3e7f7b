package org.opendsr.consent.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.consent.application.ReadingConsents;
import org.opendsr.consent.application.SentReminder;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentGiven;
import org.opendsr.consent.domain.ConsentGiver;
import org.opendsr.consent.domain.ConsentRenewalPolicy;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.consent.domain.ExplanationFormat;
import org.opendsr.consent.domain.RenewalReason;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.contracts.consent.ReminderSubject;

/** A consent as the DSR team sees it: how it was given, where it is in its lifecycle, the reminders sent. */
@Serdeable
@Schema(name = "Consent")
public record ConsentView(
        UUID consentId,
        UUID personId,
        @Schema(description = "ACTIVE, RENEWAL_DUE, OVERDUE (grace period), LAPSED, WITHDRAWN, RENEWED (replaced by renewedBy), or SUPERSEDED_BY_MERGE (two records of the same person merged; the survivor's consent given later carries on)")
        ConsentState status,
        @Schema(description = "Whether this is active consent for the register: ACTIVE or RENEWAL_DUE")
        boolean activeConsent,
        ConsentBasis basis,
        ConsentGiver givenBy,
        LocalDate givenOn,
        @Schema(description = "Given while the person was a child: due for renewal when they turn 18")
        boolean givenForChild,
        @Nullable BestInterests bestInterests,
        ExplanationFormat explainedWith,
        @Nullable String explainedWithDetail,
        String formKeptAt,
        String recordedBy,
        Instant recordedAt,
        @Nullable UUID renewalOf,
        LocalDate renewalDueOn,
        RenewalReason renewalReason,
        @Nullable LocalDate renewalDueSince,
        @Nullable LocalDate overdueSince,
        @Nullable @Schema(description = "When overdue: the day the person is removed from the register if not renewed")
        LocalDate graceEndsOn,
        @Nullable Long daysLeftBeforeRemoval,
        @Nullable LocalDate lapsedOn,
        @Nullable WithdrawalView withdrawal,
        @Nullable UUID renewedBy,
        @Nullable LocalDate renewedOn,
        List<ReminderView> reminders) {

    @Serdeable
    @Schema(name = "BestInterestsDecisionView")
    public record BestInterests(LocalDate capacityAssessedOn, String decisionMakerRole) {
        @Override
        public String toString() {
            return "BestInterests[role redacted]";
        }
    }

    @Serdeable
    public record WithdrawalView(LocalDate withdrawnOn, ConsentWithdrawalReason reason, @Nullable String note,
                                 String recordedBy) {
        @Override
        public String toString() {
            return "WithdrawalView[withdrawnOn=" + withdrawnOn + ", note redacted]";
        }
    }

    @Serdeable
    public record ReminderView(int reminderNumber, ReminderSubject subject, LocalDate scheduledFor, Instant sentAt) {
    }

    @Override
    public String toString() {
        return "ConsentView[consentId=" + consentId + ", status=" + status + ", free text redacted]";
    }

    static ConsentView of(ReadingConsents.ConsentRecord record, LocalDate today) {
        return of(record.consent(), record.reminders(), today);
    }

    static ConsentView of(Consent consent, List<SentReminder> reminders, LocalDate today) {
        Consent.Snapshot snapshot = consent.snapshot();
        ConsentGiven given = snapshot.given();
        boolean overdue = snapshot.state() == ConsentState.OVERDUE;
        return new ConsentView(snapshot.id(), snapshot.personId(), snapshot.state(), snapshot.state().isActiveConsent(),
                given.basis(), given.givenBy(), given.givenOn(), snapshot.givenForChild(),
                given.bestInterests() == null ? null : new BestInterests(given.bestInterests().capacityAssessedOn(),
                        given.bestInterests().decisionMakerRole()),
                given.explainedWith(), given.explainedWithDetail(), given.formKeptAt(), given.recordedBy(),
                given.recordedAt(), given.renewalOf(), snapshot.renewalDue().on(), snapshot.renewalDue().reason(),
                snapshot.renewalDueSince(), snapshot.overdueSince(), snapshot.graceEndsOn(),
                overdue ? ConsentRenewalPolicy.daysLeftBeforeRemoval(snapshot.graceEndsOn(), today) : null,
                snapshot.lapsedOn(),
                snapshot.withdrawal() == null ? null : new WithdrawalView(snapshot.withdrawal().on(),
                        snapshot.withdrawal().reason(), snapshot.withdrawal().note(), snapshot.withdrawal().recordedBy()),
                snapshot.renewedBy(), snapshot.renewedOn(),
                reminders.stream().map(sent -> new ReminderView(sent.reminderNumber(), sent.subject(),
                        sent.scheduledFor(), sent.sentAt())).toList());
    }
}
