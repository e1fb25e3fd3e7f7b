package org.opendsr.meeting.outcomes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.kit.rules.GivenOrLeftOut;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.PlanningHorizon;

/**
 * Something a meeting agreed must be done for a person: what (the meeting's words, kept here), which agency owns it
 * (by its id, e.g. {@code swindon-borough-council}: an id travels on action-due, a name would be free text), and,
 * when there is one, which professional by their subject, by when. Done once; overdue once its due date has
 * passed without being done (it is still on time on the due date itself), announced exactly once.
 */
public final class AgreedAction {

    /** As stored. */
    public record Snapshot(UUID id, UUID outcomeId, UUID meetingId, UUID personId, String area, String description,
                           String ownerAgency, String ownerSubject, LocalDate dueOn, LocalDate doneOn,
                           Instant doneAt, String doneBy, boolean overdueAnnounced) {
    }

    private final UUID id;
    private final UUID outcomeId;
    private final UUID meetingId;
    private final UUID personId;
    private final String area;
    private final String description;
    private final String ownerAgency;
    private final String ownerSubject;
    private final LocalDate dueOn;
    private LocalDate doneOn;
    private Instant doneAt;
    private String doneBy;
    private boolean overdueAnnounced;

    private AgreedAction(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.outcomeId = Objects.requireNonNull(s.outcomeId(), "outcomeId");
        this.meetingId = Objects.requireNonNull(s.meetingId(), "meetingId");
        this.personId = Objects.requireNonNull(s.personId(), "personId");
        this.area = Objects.requireNonNull(s.area(), "area");
        this.description = s.description();
        this.ownerAgency = s.ownerAgency();
        this.ownerSubject = s.ownerSubject();
        this.dueOn = Objects.requireNonNull(s.dueOn(), "dueOn");
        this.doneOn = s.doneOn();
        this.doneAt = s.doneAt();
        this.doneBy = s.doneBy();
        this.overdueAnnounced = s.overdueAnnounced();
    }

    public static AgreedAction restore(Snapshot snapshot) {
        return new AgreedAction(snapshot);
    }

    /**
     * A new action as the meeting agreed it, checked; {@code field} names it in the request (e.g. {@code actions[0]}).
     * Due today or later (an action agreed today cannot already be late) and within the planning horizon.
     */
    static AgreedAction agreed(String field, ActionAsked asked, UUID outcomeId, UUID meetingId, UUID personId,
                               String area, LocalDate today) {
        if (asked == null) {
            throw RuleBroken.invalid(field, "is required");
        }
        String description = OutcomeTexts.required(field + ".description", asked.description(),
                OutcomeTexts.ACTION_MAX);
        String agency = OutcomeTexts.agencyId(field + ".ownerAgency", asked.ownerAgency());
        // Left out, no one professional owns it; a blank user id is refused, not read as "no owner" (issue 15).
        String subject = GivenOrLeftOut.value(field + ".ownerSubject", asked.ownerSubject()).isEmpty() ? null
                : OutcomeTexts.oneLine(field + ".ownerSubject", asked.ownerSubject(), OutcomeTexts.SUBJECT_MAX,
                        "a professional's user id");
        if (asked.dueOn() == null) {
            throw RuleBroken.invalid(field + ".dueOn", "is required");
        }
        if (asked.dueOn().isBefore(today)) {
            throw RuleBroken.invalid(field + ".dueOn", "must be today or later (today is " + today + ")");
        }
        PlanningHorizon.requireWithin(field + ".dueOn", asked.dueOn(), today);
        return new AgreedAction(new Snapshot(UUID.randomUUID(), outcomeId, meetingId, personId, area, description,
                agency, subject, asked.dueOn(), null, null, null, false));
    }

    /** Done, today, by the caller. Once: a second completion is a conflict. */
    public LocalDate complete(LocalDate today, Instant at, String by) {
        if (doneOn != null) {
            throw RuleBroken.conflict("action-done", "The action is done", "the action was done on " + doneOn);
        }
        doneOn = today;
        doneAt = at;
        doneBy = by;
        return today;
    }

    /**
     * Overdue on {@code today}, for the sweep: true exactly once per action, the first time it is found open past its
     * due date (the sweep announces it then, and never again).
     */
    public boolean becomesOverdueOn(LocalDate today) {
        if (doneOn != null || overdueAnnounced || !dueOn.isBefore(today)) {
            return false;
        }
        overdueAnnounced = true;
        return true;
    }

    /** Where it stands on {@code today}: OVERDUE once its due date has passed, sweep or not. */
    public ActionStatus statusOn(LocalDate today) {
        if (doneOn != null) {
            return ActionStatus.DONE;
        }
        return dueOn.isBefore(today) ? ActionStatus.OVERDUE : ActionStatus.OPEN;
    }

    /** Whether this professional is the one named as its owner. */
    public boolean isOwnedBy(String subject) {
        return ownerSubject != null && ownerSubject.equals(subject);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, outcomeId, meetingId, personId, area, description, ownerAgency, ownerSubject, dueOn,
                doneOn, doneAt, doneBy, overdueAnnounced);
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

    public String description() {
        return description;
    }

    public String ownerAgency() {
        return ownerAgency;
    }

    public Optional<String> ownerSubject() {
        return Optional.ofNullable(ownerSubject);
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Optional<LocalDate> doneOn() {
        return Optional.ofNullable(doneOn);
    }

    public Optional<String> doneBy() {
        return Optional.ofNullable(doneBy);
    }
}
