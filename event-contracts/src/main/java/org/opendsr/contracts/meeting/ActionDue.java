package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting agreed an action about a person, owned by an agency (and a named professional by their subject, when
 * there is one), due on a date. What the action is stays in meeting-service.
 *
 * <p>{@code dsr.meeting.action-due.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ActionDue(
        UUID actionId,
        UUID personId,
        UUID meetingId,
        String ownerAgency,
        @Nullable String ownerSubject,
        LocalDate dueOn) {
}
