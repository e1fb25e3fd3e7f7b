package org.opendsr.meeting.outcomes.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.kit.rules.RuleBroken;

/**
 * A service a meeting recommended for a person, of a type from the catalogue, later marked met (it is being provided,
 * from a day) or unmet (a service gap, with its shape as a code and, here only, a note). Marked once: the answer is
 * what reporting counts; a change of heart is a new recommendation at a later meeting.
 */
public final class ServiceRecommendation {

    /** As stored. */
    public record Snapshot(UUID id, UUID outcomeId, UUID meetingId, UUID personId, String area, String serviceType,
                           String note, LocalDate madeOn, RecommendationStatus status, LocalDate metOn,
                           UnmetReason unmetReason, String unmetNote, LocalDate markedOn, String markedBy) {
    }

    private final UUID id;
    private final UUID outcomeId;
    private final UUID meetingId;
    private final UUID personId;
    private final String area;
    private final String serviceType;
    private final String note;
    private final LocalDate madeOn;
    private RecommendationStatus status;
    private LocalDate metOn;
    private UnmetReason unmetReason;
    private String unmetNote;
    private LocalDate markedOn;
    private String markedBy;

    private ServiceRecommendation(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.outcomeId = Objects.requireNonNull(s.outcomeId(), "outcomeId");
        this.meetingId = Objects.requireNonNull(s.meetingId(), "meetingId");
        this.personId = Objects.requireNonNull(s.personId(), "personId");
        this.area = Objects.requireNonNull(s.area(), "area");
        this.serviceType = Objects.requireNonNull(s.serviceType(), "serviceType");
        this.note = s.note();
        this.madeOn = Objects.requireNonNull(s.madeOn(), "madeOn");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.metOn = s.metOn();
        this.unmetReason = s.unmetReason();
        this.unmetNote = s.unmetNote();
        this.markedOn = s.markedOn();
        this.markedBy = s.markedBy();
    }

    public static ServiceRecommendation restore(Snapshot snapshot) {
        return new ServiceRecommendation(snapshot);
    }

    static ServiceRecommendation made(String field, RecommendationAsked asked, RecommendationCatalogue catalogue,
                                      UUID outcomeId, UUID meetingId, UUID personId, String area, LocalDate madeOn) {
        if (asked == null) {
            throw RuleBroken.invalid(field, "is required");
        }
        String type = catalogue.known(field + ".serviceType", asked.serviceType());
        String note = OutcomeTexts.optional(field + ".note", asked.note(), OutcomeTexts.NOTE_MAX);
        return new ServiceRecommendation(new Snapshot(UUID.randomUUID(), outcomeId, meetingId, personId, area, type,
                note, madeOn, RecommendationStatus.MADE, null, null, null, null, null));
    }

    /** It is being provided from {@code on}: not before it was recommended, not in the future. */
    public void met(LocalDate on, LocalDate today, String by) {
        requireUnmarked();
        if (on == null) {
            throw RuleBroken.invalid("metOn", "is required");
        }
        if (on.isAfter(today)) {
            throw RuleBroken.invalid("metOn", "cannot be in the future (today is " + today + ")");
        }
        if (on.isBefore(madeOn)) {
            throw RuleBroken.invalid("metOn", "cannot be before the recommendation was made (" + madeOn + ")");
        }
        status = RecommendationStatus.MET;
        metOn = on;
        markedOn = today;
        markedBy = by;
    }

    /** It could not be provided: a service gap, with its shape as a code (the note stays here). */
    public void unmet(UnmetReason reason, String note, LocalDate today, String by) {
        requireUnmarked();
        if (reason == null) {
            throw RuleBroken.invalid("reason", "is required: one of " + java.util.Arrays.toString(UnmetReason.values()));
        }
        String checked = OutcomeTexts.optional("note", note, OutcomeTexts.NOTE_MAX);
        status = RecommendationStatus.UNMET;
        unmetReason = reason;
        unmetNote = checked;
        markedOn = today;
        markedBy = by;
    }

    private void requireUnmarked() {
        if (status != RecommendationStatus.MADE) {
            throw RuleBroken.conflict("recommendation-" + status.name().toLowerCase(),
                    "The recommendation is already marked " + status.name().toLowerCase(),
                    "a recommendation is marked met or unmet once (it was marked on " + markedOn + ")");
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, outcomeId, meetingId, personId, area, serviceType, note, madeOn, status, metOn,
                unmetReason, unmetNote, markedOn, markedBy);
    }

    public UUID id() {
        return id;
    }

    public UUID outcomeId() {
        return outcomeId;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public UUID personId() {
        return personId;
    }

    public String area() {
        return area;
    }

    public String serviceType() {
        return serviceType;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public LocalDate madeOn() {
        return madeOn;
    }

    public RecommendationStatus status() {
        return status;
    }

    public Optional<LocalDate> metOn() {
        return Optional.ofNullable(metOn);
    }

    public Optional<UnmetReason> unmetReason() {
        return Optional.ofNullable(unmetReason);
    }

    public Optional<String> unmetNote() {
        return Optional.ofNullable(unmetNote);
    }

    public Optional<LocalDate> markedOn() {
        return Optional.ofNullable(markedOn);
    }
}
