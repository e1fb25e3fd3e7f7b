package org.opendsr.consent.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.ConsentState;

/**
 * What one lifecycle run did: each consent it moved from one state to another, and each reminder it sent.
 *
 * @param ranOn the day the run worked for (today in England)
 * @param runBy {@code schedule} or the user who asked for it
 */
public record LifecycleRunReport(UUID runId, LocalDate ranOn, String runBy, List<Move> moves,
                                 List<ConsentChange.ReminderDue> reminders) {

    /** A consent moved from one state to the next. */
    public record Move(UUID consentId, UUID personId, ConsentState from, ConsentState to) {
    }

    public long movedTo(ConsentState state) {
        return moves.stream().filter(move -> move.to() == state).count();
    }
}
