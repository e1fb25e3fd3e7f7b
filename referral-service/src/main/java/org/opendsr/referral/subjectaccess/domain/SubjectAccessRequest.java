package org.opendsr.referral.subjectaccess.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * A subject access request (UK GDPR Art. 15) a DSR lead recorded for a person: when it was received, who made it, its
 * statutory due date (with any extension and its reason), how far the export has got (which services have
 * contributed their part, and when) and whether the answer has been given.
 *
 * <p>OPEN until an export holds every service's part (EXPORTED); SENT once the lead records that the answer was given.
 * An export missing a part leaves the request OPEN, that service PENDING, so the lead sees what is still to come.
 */
public record SubjectAccessRequest(UUID id, UUID personId, LocalDate receivedOn, RequestedBy requestedBy,
                                   String note, int extensionMonths, String extensionReason, State state,
                                   Map<String, Instant> contributedAt, Instant lastExportedAt, LocalDate sentOn,
                                   String recordedBy, Instant recordedAt) {

    /** The services that hold data about people, each contributing its part (reporting holds none: issue 16). */
    public static final List<String> CONTRIBUTORS =
            List.of("referral-service", "consent-service", "risk-service", "meeting-service");

    public static final int MOST_NOTE_LENGTH = 1000;

    public enum State { OPEN, EXPORTED, SENT }

    public enum Progress { PENDING, CONTRIBUTED }

    public SubjectAccessRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(state, "state");
        contributedAt = Map.copyOf(contributedAt);
    }

    /** A new request, received on a day not after today. */
    public static SubjectAccessRequest received(UUID personId, LocalDate receivedOn, RequestedBy requestedBy,
                                                String note, String recordedBy, Instant now, LocalDate today) {
        if (receivedOn.isAfter(today)) {
            throw RuleBroken.invalid("receivedOn", "must not be after today");
        }
        if (note != null && note.length() > MOST_NOTE_LENGTH) {
            throw RuleBroken.invalid("note", "must be at most " + MOST_NOTE_LENGTH + " characters");
        }
        return new SubjectAccessRequest(UUID.randomUUID(), personId, receivedOn, requestedBy,
                note == null || note.isBlank() ? null : note.strip(), 0, null, State.OPEN, Map.of(), null, null,
                recordedBy, now);
    }

    public LocalDate dueOn() {
        return StatutoryDeadline.dueOn(receivedOn, extensionMonths);
    }

    public boolean overdue(LocalDate today) {
        return state != State.SENT && StatutoryDeadline.overdue(dueOn(), today);
    }

    /** Each contributor in order, with when it contributed (null: still PENDING). */
    public Map<String, Instant> progress() {
        Map<String, Instant> progress = new LinkedHashMap<>();
        CONTRIBUTORS.forEach(service -> progress.put(service, contributedAt.get(service)));
        return progress;
    }

    /**
     * Extended by 1 or 2 further months in all, for a reason (ICO: complex or numerous requests), before it is
     * answered. A later extension replaces an earlier one; it never shortens it.
     */
    public SubjectAccessRequest extended(int months, String reason) {
        if (state == State.SENT) {
            throw RuleBroken.conflict("subject-access-request-sent", "Already answered", "months",
                    "the request was answered: it cannot be extended");
        }
        StatutoryDeadline.dueOn(receivedOn, months);
        if (months < 1 || months < extensionMonths) {
            throw RuleBroken.invalid("months", "an extension is of 1 or 2 further months in all, never shorter than"
                    + " one already made (" + extensionMonths + ")");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleBroken.invalid("reason", "an extension needs its reason, which the requester is told");
        }
        if (reason.length() > MOST_NOTE_LENGTH) {
            throw RuleBroken.invalid("reason", "must be at most " + MOST_NOTE_LENGTH + " characters");
        }
        return new SubjectAccessRequest(id, personId, receivedOn, requestedBy, note, months, reason.strip(), state,
                contributedAt, lastExportedAt, sentOn, recordedBy, recordedAt);
    }

    /** A service's part was (CONTRIBUTED) or was not (PENDING) had by an export at {@code at}. */
    public SubjectAccessRequest progressed(String service, Progress progress, Instant at) {
        if (!CONTRIBUTORS.contains(service)) {
            throw RuleBroken.invalid("service", "must be one of " + CONTRIBUTORS);
        }
        Map<String, Instant> contributed = new LinkedHashMap<>(contributedAt);
        if (progress == Progress.CONTRIBUTED) {
            contributed.put(service, at);
        } else {
            contributed.remove(service);
        }
        boolean complete = contributed.keySet().containsAll(CONTRIBUTORS);
        State next = state == State.SENT ? State.SENT : complete ? State.EXPORTED : State.OPEN;
        return new SubjectAccessRequest(id, personId, receivedOn, requestedBy, note, extensionMonths,
                extensionReason, next, contributed, at, sentOn, recordedBy, recordedAt);
    }

    /** The answer was given to the requester on {@code on}: only once every part is in (EXPORTED). */
    public SubjectAccessRequest sent(LocalDate on, LocalDate today) {
        if (state == State.SENT) {
            throw RuleBroken.conflict("subject-access-request-sent", "Already answered", "sentOn",
                    "the request was already recorded as answered on " + sentOn);
        }
        if (state != State.EXPORTED) {
            throw RuleBroken.conflict("subject-access-export-incomplete", "Export not complete", "sentOn",
                    "an export with every service's part comes first; still pending: " + pending());
        }
        if (on.isAfter(today) || on.isBefore(receivedOn)) {
            throw RuleBroken.invalid("sentOn", "must be between the day it was received and today");
        }
        return new SubjectAccessRequest(id, personId, receivedOn, requestedBy, note, extensionMonths,
                extensionReason, State.SENT, contributedAt, lastExportedAt, on, recordedBy, recordedAt);
    }

    public List<String> pending() {
        return CONTRIBUTORS.stream().filter(service -> !contributedAt.containsKey(service)).toList();
    }

    @Override
    public String toString() {
        return "SubjectAccessRequest[id=" + id + ", personId=" + personId + ", state=" + state + ", note redacted]";
    }
}
