package org.opendsr.meeting.series.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.meeting.series.domain.TrackingMeetingSeries;
import org.opendsr.meeting.shared.application.MeetingEvents;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingChange;

/** The ports scheduling uses, in memory, for use-case tests that need no database. */
final class InMemorySeriesPorts {

    static final class InMemoryTrackingSeries implements TrackingSeries {
        final Map<UUID, TrackingMeetingSeries> byId = new LinkedHashMap<>();

        @Override
        public Optional<TrackingMeetingSeries> find(UUID seriesId) {
            return Optional.ofNullable(byId.get(seriesId));
        }

        @Override
        public Optional<TrackingMeetingSeries> findForUpdate(UUID seriesId) {
            return find(seriesId);
        }

        @Override
        public List<TrackingMeetingSeries> inAreas(Collection<String> areas) {
            return byId.values().stream().filter(s -> areas == null || areas.contains(s.area())).toList();
        }

        @Override
        public List<UUID> activeIds() {
            return byId.values().stream().filter(TrackingMeetingSeries::active).map(TrackingMeetingSeries::id).toList();
        }

        @Override
        public void save(TrackingMeetingSeries series) {
            byId.put(series.id(), series);
        }
    }

    static final class InMemoryPlannedDays implements PlannedDays {
        final Map<String, PlannedDay> byKey = new LinkedHashMap<>();

        @Override
        public List<PlannedDay> ofSeriesFrom(UUID seriesId, LocalDate from) {
            return byKey.values().stream().filter(d -> d.seriesId().equals(seriesId) && !d.plannedOn().isBefore(from))
                    .sorted(Comparator.comparing(PlannedDay::plannedOn)).toList();
        }

        @Override
        public Optional<PlannedDay> ofMeeting(UUID meetingId) {
            return byKey.values().stream().filter(d -> d.meetingId().equals(meetingId)).findFirst();
        }

        @Override
        public boolean claim(UUID seriesId, LocalDate plannedOn, UUID meetingId) {
            return byKey.putIfAbsent(seriesId + "/" + plannedOn, new PlannedDay(seriesId, plannedOn, meetingId,
                    false)) == null;
        }

        @Override
        public void release(UUID meetingId) {
            byKey.values().removeIf(d -> d.meetingId().equals(meetingId));
        }

        @Override
        public void markMovedByHand(UUID meetingId, boolean movedByHand) {
            byKey.replaceAll((key, d) -> d.meetingId().equals(meetingId)
                    ? new PlannedDay(d.seriesId(), d.plannedOn(), d.meetingId(), movedByHand) : d);
        }
    }

    static final class InMemoryMeetings implements Meetings {
        final Map<UUID, Meeting> byId = new LinkedHashMap<>();

        @Override
        public Optional<Meeting> find(UUID meetingId) {
            return Optional.ofNullable(byId.get(meetingId));
        }

        @Override
        public Optional<Meeting> findForUpdate(UUID meetingId) {
            return find(meetingId);
        }

        @Override
        public List<Meeting> inAreas(Collection<String> areas, Instant from, Instant to, int limit) {
            return byId.values().stream().filter(m -> areas == null || areas.contains(m.area()))
                    .filter(m -> !m.startsAt().isBefore(from) && m.startsAt().isBefore(to))
                    .sorted(Comparator.comparing(Meeting::startsAt)).limit(limit).toList();
        }

        @Override
        public List<Meeting> ofSeries(UUID seriesId, Instant from) {
            return byId.values().stream().filter(m -> seriesId.equals(m.seriesId()))
                    .filter(m -> !m.startsAt().isBefore(from)).sorted(Comparator.comparing(Meeting::startsAt))
                    .toList();
        }

        @Override
        public List<Meeting> ofSeriesForUpdate(UUID seriesId, Instant from) {
            return ofSeries(seriesId, from);
        }

        @Override
        public Optional<Meeting> previousInSeries(UUID seriesId, Instant before) {
            return Optional.empty();
        }

        @Override
        public void save(Meeting meeting) {
            byId.put(meeting.id(), meeting);
        }
    }

    static final class RecordedEvents implements MeetingEvents {
        final List<MeetingChange> changes = new ArrayList<>();

        @Override
        public void publish(MeetingChange change) {
            changes.add(change);
        }
    }

    private InMemorySeriesPorts() {
    }
}
