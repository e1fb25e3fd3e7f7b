package org.opendsr.meeting.shared.domain;

import java.time.Instant;

/** What changed about a meeting, as the meeting decided it: saved and published together. */
public sealed interface MeetingChange {

    Meeting meeting();

    /** Scheduled for the first time, or moved ({@code rescheduled}) with a higher sequence. */
    record Scheduled(Meeting meeting, boolean rescheduled) implements MeetingChange {
    }

    record Held(Meeting meeting) implements MeetingChange {
    }

    record Cancelled(Meeting meeting, Instant at) implements MeetingChange {
    }
}
