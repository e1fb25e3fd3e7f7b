package org.opendsr.meeting.shared.application;

import java.util.Optional;
import java.util.UUID;

/** Where a Meeting by Exception takes place when it is not online: kept on its request (exceptions' own table). */
public interface ExceptionVenues {

    /** The place given when the meeting was scheduled or moved, if any. */
    Optional<String> locationOf(UUID meetingId);
}
