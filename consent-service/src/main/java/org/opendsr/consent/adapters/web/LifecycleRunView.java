package org.opendsr.consent.adapters.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.consent.application.LifecycleRunReport;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.contracts.consent.ReminderSubject;

/** What a lifecycle run moved, and the reminders it sent. */
@Serdeable
@Schema(name = "ConsentLifecycleRun")
public record LifecycleRunView(
        UUID runId,
        @Schema(description = "The day the run worked for (today in England)") LocalDate ranOn,
        String runBy,
        long renewalsDue,
        long overdue,
        long lapsed,
        long reminders,
        List<Move> moved,
        List<Reminder> remindersSent) {

    @Serdeable
    public record Move(UUID consentId, UUID personId, ConsentState from, ConsentState to) {
    }

    @Serdeable
    public record Reminder(UUID consentId, UUID personId, ReminderSubject subject, int reminderNumber) {
    }

    static LifecycleRunView of(LifecycleRunReport report) {
        return new LifecycleRunView(report.runId(), report.ranOn(), report.runBy(),
                report.movedTo(ConsentState.RENEWAL_DUE), report.movedTo(ConsentState.OVERDUE),
                report.movedTo(ConsentState.LAPSED), report.reminders().size(),
                report.moves().stream().map(move -> new Move(move.consentId(), move.personId(), move.from(), move.to()))
                        .toList(),
                report.reminders().stream().map(reminder -> new Reminder(reminder.consentId(), reminder.personId(),
                        reminder.subject(), reminder.reminderNumber())).toList());
    }
}
