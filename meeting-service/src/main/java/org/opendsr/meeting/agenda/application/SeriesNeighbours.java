package org.opendsr.meeting.agenda.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.meeting.shared.domain.Meeting;

/** What the agenda needs of a meeting's series: the meetings either side of it, and meetings awaiting their agenda. */
public interface SeriesNeighbours {

    /**
     * The series' last meeting before this one that was not cancelled.
     *
     * @param agendaAssembledAt when its agenda was last assembled, or null if it never was
     */
    record Before(Instant startsAt, @Nullable Instant agendaAssembledAt) {
    }

    Optional<Before> before(Meeting meeting);

    /** The day of the series' next meeting after this one that is not cancelled. */
    Optional<LocalDate> nextMeetingDay(Meeting meeting);

    /** Scheduled tracking meetings starting before {@code startingBefore} whose agenda has not been assembled. */
    List<UUID> awaitingAgenda(Instant startingBefore);
}
