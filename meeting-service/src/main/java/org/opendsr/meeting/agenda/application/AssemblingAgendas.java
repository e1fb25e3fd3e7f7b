package org.opendsr.meeting.agenda.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.inject.Singleton;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.meeting.agenda.domain.ActionOverdue;
import org.opendsr.meeting.agenda.domain.AgendaAssembly;
import org.opendsr.meeting.agenda.domain.AgendaItem;
import org.opendsr.meeting.agenda.domain.AgendaWindow;
import org.opendsr.meeting.agenda.domain.OpenReview;
import org.opendsr.meeting.agenda.domain.RegisterEntry;
import org.opendsr.meeting.shared.application.OverdueActions;
import org.opendsr.meeting.shared.application.RegisterPeople;
import org.opendsr.meeting.shared.application.RegisterPerson;
import org.opendsr.meeting.shared.application.ReviewObligation;
import org.opendsr.meeting.shared.application.ReviewObligations;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * Works out a tracking meeting's agenda as the register stands now ({@link AgendaAssembly}): the area's people, the
 * open reviews their ratings oblige and the overdue actions, over the time since the series' last meeting. Used at
 * the cut-off, on demand, when a meeting is held without one, and for the preview before the cut-off.
 */
@Singleton
public class AssemblingAgendas {

    private final RegisterPeople people;
    private final ReviewObligations obligations;
    private final Optional<OverdueActions> actions;
    private final SeriesNeighbours neighbours;
    private final AgendaSettings settings;
    private final WorkingDayCalendars calendars;

    AssemblingAgendas(RegisterPeople people, ReviewObligations obligations,
                      Optional<OverdueActions> actions,
                      SeriesNeighbours neighbours, AgendaSettings settings, WorkingDayCalendars calendars) {
        this.people = people;
        this.obligations = obligations;
        this.actions = actions;
        this.neighbours = neighbours;
        this.settings = settings;
        this.calendars = calendars;
    }

    public List<AgendaItem> itemsFor(Meeting meeting, Instant now) {
        AgendaWindow window = windowFor(meeting, now);
        List<RegisterEntry> register = people.knownInArea(meeting.area()).stream()
                .map(AssemblingAgendas::entryOf).toList();
        List<OpenReview> reviews = obligations.openInArea(meeting.area()).stream()
                .filter(ReviewObligation::isOpen)
                .map(obligation -> new OpenReview(obligation.personId(), obligation.kind(), obligation.dueOn()))
                .toList();
        // Actions belong to the outcomes feature; until it is deployed there are none to be overdue.
        List<ActionOverdue> overdue = actions.map(all -> all.inArea(meeting.area(), window.today())).orElse(List.of())
                .stream().map(action -> new ActionOverdue(action.personId(), action.dueOn())).toList();
        return AgendaAssembly.assemble(window, register, reviews, overdue);
    }

    /**
     * Since the last meeting's agenda was last assembled (nothing between that agenda and this one is missed; if it
     * never was, since that meeting started); a series' first meeting looks back a configured number of days. Due
     * dates are weighed against the series' next meeting, or the usual interval when none is scheduled yet.
     */
    AgendaWindow windowFor(Meeting meeting, Instant now) {
        LocalDate day = meeting.day();
        Instant since = neighbours.before(meeting)
                .map(before -> before.agendaAssembledAt() != null ? before.agendaAssembledAt() : before.startsAt())
                .orElseGet(() -> day.minusDays(settings.getFirstMeetingLooksBackDays())
                        .atStartOfDay(WorkingHours.ENGLAND).toInstant());
        LocalDate next = neighbours.nextMeetingDay(meeting)
                .filter(nextDay -> !nextDay.isBefore(day))
                .orElse(day.plusDays(settings.getUsualIntervalDays()));
        return new AgendaWindow(since, LocalDate.ofInstant(now, WorkingHours.ENGLAND), day, next);
    }

    /** The day the meeting's agenda is (or was) assembled. */
    public LocalDate cutOffDayOf(Meeting meeting) {
        return settings.cutOff().dayFor(meeting.day(), workingDay());
    }

    public boolean cutOffHasPassed(Meeting meeting, Instant now) {
        return settings.cutOff().hasPassed(meeting.day(), LocalDate.ofInstant(now, WorkingHours.ENGLAND),
                workingDay());
    }

    /** The latest day a meeting can be on and have its cut-off on {@code today} or before. */
    LocalDate lastMeetingDayDueBy(LocalDate today) {
        return calendars.current().workingDaysAfter(today, settings.getCutOffWorkingDays());
    }

    private Predicate<LocalDate> workingDay() {
        return calendars.current()::isWorkingDay;
    }

    private static RegisterEntry entryOf(RegisterPerson person) {
        return new RegisterEntry(person.personId(), person.referredAt(), person.acceptedAt(), person.onRegister(),
                person.removedAt(), person.rating(), person.ratingIndicative(), person.previousRating(),
                person.ratedOn(), person.ratingChangedAt(), person.updateOverdueSince(),
                person.consentRenewalDueOn(), person.consentStatus());
    }
}
