package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The person and their family are to be invited to a Meeting by Exception: a request to notify. The notifier
 * resolves who and how (contact details, communication preferences) in referral-service only; nothing here names them.
 *
 * <p>{@code dsr.meeting.exception-invitation-requested.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ExceptionInvitationRequested(
        UUID meetingId,
        UUID personId,
        Instant startsAt,
        Instant endsAt,
        int sequence) {
}
