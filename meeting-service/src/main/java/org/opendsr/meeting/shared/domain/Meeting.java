package org.opendsr.meeting.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One meeting of the DSR: an area's tracking meeting (from its series; professionals only) or a Meeting by Exception
 * (about one person, chaired by a DSR lead, the person and family invited). It decides its own changes and returns
 * them ({@link MeetingChange}); the application saves it and publishes them in one transaction. Every change a
 * participant's calendar must see raises the {@code sequence} of its invitation (RFC 5545 SEQUENCE).
 */
public final class Meeting {

    private final UUID id;
    private final MeetingKind kind;
    private final String area;
    private final UUID seriesId;
    private final UUID personId;
    private Instant startsAt;
    private Instant endsAt;
    private String onlineLink;
    private String chairSubject;
    private MeetingStatus status;
    private int sequence;
    private Instant heldAt;
    private CancellationReason cancellationReason;

    private Meeting(UUID id, MeetingKind kind, String area, UUID seriesId, UUID personId, Instant startsAt,
                    Instant endsAt, String onlineLink, String chairSubject, MeetingStatus status, int sequence,
                    Instant heldAt, CancellationReason cancellationReason) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.area = Objects.requireNonNull(area, "area");
        this.seriesId = seriesId;
        this.personId = personId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.onlineLink = onlineLink;
        this.chairSubject = chairSubject;
        this.status = status;
        this.sequence = sequence;
        this.heldAt = heldAt;
        this.cancellationReason = cancellationReason;
    }

    /** A tracking meeting of an area's series. */
    public static MeetingChange.Scheduled tracking(UUID id, String area, UUID seriesId, Instant startsAt,
                                                   Instant endsAt, String onlineLink) {
        Objects.requireNonNull(seriesId, "seriesId");
        requireTimes(startsAt, endsAt);
        Meeting meeting = new Meeting(id, MeetingKind.TRACKING, area, seriesId, null, startsAt, endsAt, onlineLink,
                null, MeetingStatus.SCHEDULED, 0, null, null);
        return new MeetingChange.Scheduled(meeting, false);
    }

    /** A Meeting by Exception about one person, chaired by the lead who scheduled it. */
    public static MeetingChange.Scheduled exception(UUID id, String area, UUID personId, Instant startsAt,
                                                    Instant endsAt, String onlineLink, String chairSubject) {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(chairSubject, "chairSubject");
        requireTimes(startsAt, endsAt);
        Meeting meeting = new Meeting(id, MeetingKind.EXCEPTION, area, null, personId, startsAt, endsAt, onlineLink,
                chairSubject, MeetingStatus.SCHEDULED, 0, null, null);
        return new MeetingChange.Scheduled(meeting, false);
    }

    /** As stored. */
    public static Meeting restore(UUID id, MeetingKind kind, String area, UUID seriesId, UUID personId,
                                  Instant startsAt, Instant endsAt, String onlineLink, String chairSubject,
                                  MeetingStatus status, int sequence, Instant heldAt,
                                  CancellationReason cancellationReason) {
        return new Meeting(id, kind, area, seriesId, personId, startsAt, endsAt, onlineLink, chairSubject, status,
                sequence, heldAt, cancellationReason);
    }

    /** Moved to another time (or another link): the invitation goes out again with a higher sequence. */
    public MeetingChange.Scheduled reschedule(Instant newStart, Instant newEnd, String newLink) {
        requireScheduled("rescheduled");
        requireTimes(newStart, newEnd);
        startsAt = newStart;
        endsAt = newEnd;
        onlineLink = newLink;
        sequence++;
        return new MeetingChange.Scheduled(this, true);
    }

    /**
     * It took place. Not before it started: a meeting recorded as held in advance would freeze an agenda nobody met
     * about.
     */
    public MeetingChange.Held hold(Instant at) {
        requireScheduled("held");
        if (at.isBefore(startsAt)) {
            throw RuleBroken.conflict("meeting-not-started", "The meeting has not started",
                    "a meeting is recorded as held once it has started (it starts at " + startsAt + ")");
        }
        status = MeetingStatus.HELD;
        heldAt = at;
        return new MeetingChange.Held(this);
    }

    /** It will not take place; its invitation is cancelled with a higher sequence. */
    public MeetingChange.Cancelled cancel(CancellationReason reason, Instant at) {
        requireScheduled("cancelled");
        status = MeetingStatus.CANCELLED;
        cancellationReason = Objects.requireNonNull(reason, "reason");
        sequence++;
        return new MeetingChange.Cancelled(this, at);
    }

    private void requireScheduled(String change) {
        if (status != MeetingStatus.SCHEDULED) {
            throw RuleBroken.conflict("meeting-" + status.name().toLowerCase(),
                    "The meeting is " + status.name().toLowerCase(),
                    "a " + status.name().toLowerCase() + " meeting cannot be " + change);
        }
    }

    private static void requireTimes(Instant startsAt, Instant endsAt) {
        if (startsAt == null) {
            throw RuleBroken.invalid("startsAt", "is required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw RuleBroken.invalid("endsAt", "must be after startsAt");
        }
    }

    public boolean isAbout(UUID person) {
        return person != null && person.equals(personId);
    }

    public LocalDate day() {
        return LocalDate.ofInstant(startsAt, WorkingHours.ENGLAND);
    }

    public UUID id() {
        return id;
    }

    public MeetingKind kind() {
        return kind;
    }

    public String area() {
        return area;
    }

    public UUID seriesId() {
        return seriesId;
    }

    public UUID personId() {
        return personId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String onlineLink() {
        return onlineLink;
    }

    public String chairSubject() {
        return chairSubject;
    }

    public MeetingStatus status() {
        return status;
    }

    public int sequence() {
        return sequence;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public CancellationReason cancellationReason() {
        return cancellationReason;
    }
}
