package org.opendsr.meeting.shared.application;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;

/**
 * What a calendar invitation says about a meeting or a booked review. It never names the person: a calendar is
 * copied to phones and mail servers outside the DSR's control.
 *
 * @param uid       stable for the life of the meeting (RFC 5545 UID), e.g. {@code <meetingId>@dsr.opendsr.org}
 * @param sequence  raised on every change the attendees' calendars must take (RFC 5545 SEQUENCE)
 * @param cancelled true sends it as a cancellation (METHOD:CANCEL, STATUS:CANCELLED)
 */
public record Invitation(
        String uid,
        String summary,
        String description,
        Instant startsAt,
        Instant endsAt,
        @Nullable String location,
        int sequence,
        boolean cancelled) {
}
