package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * An area's register as the agenda sees it, for a meeting on Thursday 2026-12-10 whose agenda is assembled on Tuesday
 * 2026-12-08; the last meeting's agenda was assembled on 2026-11-24 and the next meeting is on 2026-12-24.
 */
final class AgendaExamples {

    static final Instant SINCE = at("2026-11-24");
    static final AgendaWindow WINDOW = new AgendaWindow(SINCE, day("2026-12-08"), day("2026-12-10"),
            day("2026-12-24"));

    final List<RegisterEntry> register = new ArrayList<>();
    final List<OpenReview> reviews = new ArrayList<>();
    final List<ActionOverdue> actions = new ArrayList<>();

    static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    /** Midday in England on that day. */
    static Instant at(String day) {
        return LocalDate.parse(day).atTime(LocalTime.NOON).atZone(WorkingHours.ENGLAND).toInstant();
    }

    /** Someone on the register since long ago, rated as given, nothing else going on. */
    static RegisterEntry onRegister(RagRating rating, String ratedOn) {
        return new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true, null, rating, false,
                null, day(ratedOn), at(ratedOn), null, null);
    }

    UUID add(RegisterEntry person) {
        register.add(person);
        return person.personId();
    }

    void review(UUID personId, ObligationKind kind, String dueOn) {
        reviews.add(new OpenReview(personId, kind, day(dueOn)));
    }

    void actionOverdue(UUID personId, String dueOn) {
        actions.add(new ActionOverdue(personId, day(dueOn)));
    }

    List<AgendaItem> assembled() {
        return AgendaAssembly.assemble(WINDOW, register, reviews, actions);
    }

    AgendaItem itemOf(UUID personId) {
        return assembled().stream().filter(item -> item.personId().equals(personId)).findFirst()
                .orElseThrow(() -> new AssertionError("not on the agenda: " + personId));
    }

    boolean isOn(UUID personId) {
        return assembled().stream().anyMatch(item -> item.personId().equals(personId));
    }
}
