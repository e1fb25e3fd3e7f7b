package org.opendsr.meeting.exceptions.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.meeting.ExceptionReason;
import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;

/**
 * A request for a Meeting by Exception about one person (DOMAIN.md "Meetings"): asked for by their care team, the
 * DSR team of the area or a lead, with the reason (no key local LD&A service involved, the services disagree, or
 * another reason in a line of text that stays in meeting-service). A DSR lead schedules it (the meeting itself is a
 * {@code Meeting} of kind EXCEPTION, chaired by that lead) or declines it with a reason.
 */
public final class ExceptionRequest {

    public static final int REASON_TEXT_MAX_LENGTH = 200;

    private final UUID id;
    private final UUID personId;
    private final String area;
    private final ExceptionReason reason;
    private final String reasonText;
    private final String requestedBy;
    private final Instant requestedAt;
    private ExceptionStatus status;
    private UUID meetingId;
    private String location;
    private DeclineReason declineReason;
    private String decidedBy;
    private Instant decidedAt;

    private ExceptionRequest(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.personId = Objects.requireNonNull(s.personId(), "personId");
        this.area = Objects.requireNonNull(s.area(), "area");
        this.reason = Objects.requireNonNull(s.reason(), "reason");
        this.reasonText = s.reasonText();
        this.requestedBy = s.requestedBy();
        this.requestedAt = Objects.requireNonNull(s.requestedAt(), "requestedAt");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.meetingId = s.meetingId();
        this.location = s.location();
        this.declineReason = s.declineReason();
        this.decidedBy = s.decidedBy();
        this.decidedAt = s.decidedAt();
    }

    /** Asked for now: the reason is required, and its text when the reason is OTHER (one line, no contact details). */
    public static ExceptionRequest request(UUID id, UUID personId, String area, ExceptionReason reason,
                                           String reasonText, String by, Instant at) {
        if (reason == null) {
            throw RuleBroken.invalid("reason", "is required: NO_KEY_LOCAL_SERVICE, SERVICES_DISAGREE or OTHER");
        }
        String text = reasonText == null || reasonText.isBlank() ? null : reasonText;
        if (reason == ExceptionReason.OTHER && text == null) {
            throw RuleBroken.invalid("reasonText", "is required when the reason is OTHER");
        }
        if (text != null) {
            OneLineText.problemWith(text, REASON_TEXT_MAX_LENGTH, "the reason").ifPresent(problem -> {
                throw RuleBroken.invalid("reasonText", problem);
            });
            text = text.strip();
        }
        return new ExceptionRequest(new Snapshot(id, personId, area, reason, text, by, at, ExceptionStatus.REQUESTED,
                null, null, null, null, null));
    }

    public static ExceptionRequest restore(Snapshot snapshot) {
        return new ExceptionRequest(snapshot);
    }

    /** A lead scheduled it as this meeting (the lead is its chair). Only once, and not once declined. */
    public void scheduled(UUID meeting, String place, String lead, Instant at) {
        requireRequested("scheduled");
        status = ExceptionStatus.SCHEDULED;
        meetingId = Objects.requireNonNull(meeting, "meeting");
        location = place;
        decidedBy = lead;
        decidedAt = at;
    }

    /** Moved with its meeting: only the place may change here (the times live on the meeting). */
    public void movedTo(String place) {
        if (status != ExceptionStatus.SCHEDULED) {
            throw RuleBroken.conflict("exception-not-scheduled", "The Meeting by Exception is not scheduled",
                    "only a scheduled Meeting by Exception can be rescheduled (it is " + status + ")");
        }
        location = place;
    }

    /** A lead declined it, with the reason. */
    public void decline(DeclineReason why, String lead, Instant at) {
        if (why == null) {
            throw RuleBroken.invalid("reason", "is required");
        }
        requireRequested("declined");
        status = ExceptionStatus.DECLINED;
        declineReason = why;
        decidedBy = lead;
        decidedAt = at;
    }

    private void requireRequested(String change) {
        if (status != ExceptionStatus.REQUESTED) {
            String now = status.name().toLowerCase();
            throw RuleBroken.conflict("exception-" + now, "The request is already " + now,
                    "a request already " + now + " cannot be " + change);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, personId, area, reason, reasonText, requestedBy, requestedAt, status, meetingId,
                location, declineReason, decidedBy, decidedAt);
    }

    public UUID id() {
        return id;
    }

    public UUID personId() {
        return personId;
    }

    public String area() {
        return area;
    }

    public ExceptionStatus status() {
        return status;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public String location() {
        return location;
    }

    /** Everything a request holds, for storing and restoring it. */
    public record Snapshot(UUID id, UUID personId, String area, ExceptionReason reason, String reasonText,
                           String requestedBy, Instant requestedAt, ExceptionStatus status, UUID meetingId,
                           String location, DeclineReason declineReason, String decidedBy, Instant decidedAt) {
    }
}
