package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The referrer is owed feedback on what a meeting decided about a person, by a date (2 working days after the
 * meeting by default): a notifier acts on it; the DSR team sees it on the feedback-due worklist until given.
 *
 * <p>{@code dsr.meeting.feedback-due.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record FeedbackDue(
        UUID outcomeId,
        UUID meetingId,
        UUID personId,
        LocalDate dueOn) {
}
