package org.opendsr.meeting.series.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.kit.calendar.GovUkBankHolidays;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;
import org.opendsr.meeting.series.application.InMemorySeriesPorts.InMemoryMeetings;
import org.opendsr.meeting.series.application.InMemorySeriesPorts.InMemoryPlannedDays;
import org.opendsr.meeting.series.application.InMemorySeriesPorts.InMemoryTrackingSeries;
import org.opendsr.meeting.series.application.InMemorySeriesPorts.RecordedEvents;
import org.opendsr.meeting.series.domain.BankHolidayRule;
import org.opendsr.meeting.series.domain.SeriesTerms;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingChange;
import org.opendsr.meeting.shared.domain.MeetingStatus;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * An active series keeps its next weeks of meetings scheduled: running it again changes nothing; new terms move its
 * future meetings (a higher invitation sequence) or cancel the ones it no longer has as REARRANGED; a meeting the
 * DSR team moved by hand stays where they put it until the series itself changes.
 */
class SchedulingSeriesMeetingsTest {

    // Friday 4 December 2026, 23:00 UK time.
    private static final Instant NOW = Instant.parse("2026-12-04T23:00:00Z");
    private static final String LINK = "https://meet.example.nhs.uk/dsr-swindon";

    private final InMemoryTrackingSeries series = new InMemoryTrackingSeries();
    private final InMemoryPlannedDays days = new InMemoryPlannedDays();
    private final InMemoryMeetings meetings = new InMemoryMeetings();
    private final RecordedEvents events = new RecordedEvents();
    private final SchedulingSeriesMeetings scheduling = new SchedulingSeriesMeetings(series, days, meetings,
            new MeetingChanges(meetings, events, List.of()), new Shipped(), settings(8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static SeriesSettings settings(int weeksAhead) {
        return new SeriesSettings(DayOfWeek.THURSDAY, 2, "10:00", 90, LINK,
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY, weeksAhead);
    }

    private TrackingMeetingSeries fortnightlyOnThursdays() {
        TrackingMeetingSeries created = TrackingMeetingSeries.start(UUID.randomUUID(), "SWINDON",
                new SeriesTerms(DayOfWeek.THURSDAY, 2, LocalTime.of(10, 0), Duration.ofMinutes(90),
                        LocalDate.parse("2026-12-10"), LINK, BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY));
        series.save(created);
        return created;
    }

    private List<Meeting> scheduled() {
        return meetings.byId.values().stream().filter(m -> m.status() == MeetingStatus.SCHEDULED)
                .sorted((a, b) -> a.startsAt().compareTo(b.startsAt())).toList();
    }

    @Test
    void theNextEightWeeksAreScheduledOnceHoweverOftenItRuns() {
        TrackingMeetingSeries created = fortnightlyOnThursdays();

        int first = scheduling.keepScheduled(created.id());
        int again = scheduling.keepScheduled(created.id());

        // 10 and 24 December, 7 and 21 January (Christmas Eve is an ordinary Thursday in 2026); 29 January is
        // more than 8 weeks after 4 December.
        assertThat(scheduled()).extracting(Meeting::day).containsExactly(LocalDate.parse("2026-12-10"),
                LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-07"), LocalDate.parse("2027-01-21"));
        assertThat(first).isEqualTo(4);
        assertThat(again).isZero();
        assertThat(events.changes).hasSize(4).allMatch(change -> change instanceof MeetingChange.Scheduled);
    }

    @Test
    void aNewTimeReschedulesTheFutureMeetingsWithAHigherSequence() {
        TrackingMeetingSeries created = fortnightlyOnThursdays();
        scheduling.keepScheduled(created.id());
        events.changes.clear();

        created.change(new SeriesTerms(DayOfWeek.THURSDAY, 2, LocalTime.of(14, 0), Duration.ofMinutes(60),
                LocalDate.parse("2026-12-10"), LINK, BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY), true);
        scheduling.keepScheduled(created, true);

        assertThat(scheduled()).hasSize(4).allSatisfy(meeting -> {
            assertThat(meeting.sequence()).isEqualTo(1);
            assertThat(meeting.startsAt().atZone(WorkingHours.ENGLAND).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
        });
        assertThat(events.changes).hasSize(4)
                .allMatch(change -> change instanceof MeetingChange.Scheduled s && s.rescheduled());
    }

    @Test
    void aNewDayCancelsTheOldDaysAsRearrangedAndSchedulesTheNewOnes() {
        TrackingMeetingSeries created = fortnightlyOnThursdays();
        scheduling.keepScheduled(created.id());

        created.change(new SeriesTerms(DayOfWeek.TUESDAY, 2, LocalTime.of(10, 0), Duration.ofMinutes(90),
                LocalDate.parse("2026-12-08"), LINK, BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY), true);
        scheduling.keepScheduled(created, true);

        assertThat(meetings.byId.values()).filteredOn(m -> m.status() == MeetingStatus.CANCELLED).hasSize(4)
                .allSatisfy(m -> {
                    assertThat(m.cancellationReason()).isEqualTo(CancellationReason.REARRANGED);
                    assertThat(m.day().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
                });
        assertThat(scheduled()).extracting(Meeting::day).containsExactly(LocalDate.parse("2026-12-08"),
                LocalDate.parse("2026-12-22"), LocalDate.parse("2027-01-05"), LocalDate.parse("2027-01-19"));
    }

    @Test
    void aMeetingMovedByHandStaysUntilTheSeriesChanges() {
        TrackingMeetingSeries created = fortnightlyOnThursdays();
        scheduling.keepScheduled(created.id());
        Meeting first = scheduled().get(0);
        first.reschedule(Instant.parse("2026-12-11T14:00:00Z"), Instant.parse("2026-12-11T15:00:00Z"), LINK);
        days.markMovedByHand(first.id(), true);

        assertThat(scheduling.keepScheduled(created.id())).isZero();
        assertThat(meetings.byId.get(first.id()).startsAt()).isEqualTo(Instant.parse("2026-12-11T14:00:00Z"));

        created.change(created.terms(), true);
        scheduling.keepScheduled(created, true);
        assertThat(meetings.byId.get(first.id()).startsAt()).isEqualTo(Instant.parse("2026-12-10T10:00:00Z"));
    }

    @Test
    void aStoppedSeriesCancelsItsFutureMeetingsAsNotNeeded() {
        TrackingMeetingSeries created = fortnightlyOnThursdays();
        scheduling.keepScheduled(created.id());

        created.change(created.terms(), false);
        scheduling.keepScheduled(created, true);

        assertThat(scheduled()).isEmpty();
        assertThat(meetings.byId.values()).allMatch(m -> m.cancellationReason() == CancellationReason.NOT_NEEDED);
        assertThat(scheduling.sweep()).isZero();
    }

    @Test
    void aMeetingCancelledOnItsOwnIsNotScheduledAgain() {
        TrackingMeetingSeries created = fortnightlyOnThursdays();
        scheduling.keepScheduled(created.id());
        Meeting first = scheduled().get(0);
        first.cancel(CancellationReason.CHAIR_UNAVAILABLE, NOW);

        assertThat(scheduling.keepScheduled(created.id())).isZero();
        assertThat(scheduled()).hasSize(3);
    }

    /** The kit's shipped calendar. */
    static final class Shipped implements WorkingDayCalendars {
        private final WorkingDayCalendar calendar;

        Shipped() {
            try (InputStream in = GovUkBankHolidays.class.getResourceAsStream("/bank-holidays/england-and-wales.json")) {
                calendar = new WorkingDayCalendar(GovUkBankHolidays.parse(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public WorkingDayCalendar current() {
            return calendar;
        }

        @Override
        public void reload() {
        }
    }
}
