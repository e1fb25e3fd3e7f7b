package org.opendsr.risk.obligations.domain;

import static org.opendsr.contracts.risk.ObligationKind.CTR_PARTNERS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ObligationOutcome;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One thing a rating obliges for one person, by a date: a C(E)TR, a multi-agency review, a visit, a referral, the
 * partners who would join a C(E)TR. Opened by the {@link ObligationPolicy}; booked, completed or found not needed by
 * the DSR team; made overdue by the due-date sweep. Every transition returns the {@link ObligationChange} for the
 * caller to store and publish in one transaction. A closed obligation (DONE, NOT_NEEDED) never changes again.
 */
public final class Obligation {

    /** At most this many partners, each at most {@link #PARTNER_MAX_LENGTH} characters. */
    public static final int PARTNERS_MAX = 20;
    public static final int PARTNER_MAX_LENGTH = 100;
    /** What an obligation's texts (a reason, a partner) name instead of a person. */
    private static final String NAME_INSTEAD = "an agency, a service or a reason";
    public static final int REASON_MAX_LENGTH = 500;

    private final UUID id;
    private final UUID personId;
    private final ObligationKind kind;
    private final Instant openedAt;
    private final LocalDate openedOn;
    private final OpeningCause openedBy;
    private final RagRating ratingAtOpening;
    private ObligationStatus status;
    private LocalDate scheduledFrom;
    private LocalDate dueOn;
    private LocalDate bookedFor;
    private LocalDate completedOn;
    private ReviewType reviewType;
    private UUID meetingId;
    private List<String> partners;
    private String notNeededReason;
    private Instant closedAt;
    private String closedBy;
    private boolean overdueAnnounced;

    private Obligation(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.personId = Objects.requireNonNull(s.personId(), "personId");
        this.kind = Objects.requireNonNull(s.kind(), "kind");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.scheduledFrom = Objects.requireNonNull(s.scheduledFrom(), "scheduledFrom");
        this.dueOn = Objects.requireNonNull(s.dueOn(), "dueOn");
        this.openedAt = Objects.requireNonNull(s.openedAt(), "openedAt");
        this.openedOn = Objects.requireNonNull(s.openedOn(), "openedOn");
        this.openedBy = Objects.requireNonNull(s.openedBy(), "openedBy");
        this.ratingAtOpening = Objects.requireNonNull(s.ratingAtOpening(), "ratingAtOpening");
        this.bookedFor = s.bookedFor();
        this.completedOn = s.completedOn();
        this.reviewType = s.reviewType();
        this.meetingId = s.meetingId();
        this.partners = s.partners() == null ? List.of() : List.copyOf(s.partners());
        this.notNeededReason = s.notNeededReason();
        this.closedAt = s.closedAt();
        this.closedBy = s.closedBy();
        this.overdueAnnounced = s.overdueAnnounced();
    }

    /** A new obligation, due {@code dueOn}; {@code scheduledFrom} is the day its period counts from. */
    static Obligation open(UUID personId, ObligationKind kind, LocalDate scheduledFrom, LocalDate dueOn,
                           Instant at, LocalDate on, OpeningCause cause, RagRating rating) {
        return new Obligation(new Snapshot(UUID.randomUUID(), personId, kind, ObligationStatus.DUE, scheduledFrom,
                dueOn, at, on, cause, rating, null, null, null, null, List.of(), null, null, null, false));
    }

    public static Obligation restore(Snapshot snapshot) {
        return new Obligation(snapshot);
    }

    /**
     * Books a date for it (the review, the meeting, the visit), or moves the date already booked. A booking never
     * moves the due date and never hides that it was missed: an OVERDUE obligation stays OVERDUE with the date booked
     * beside it, and one booked while due becomes OVERDUE once its due date passes (the sweep, {@link #overdueOn}).
     */
    public ObligationChange.Booked book(LocalDate date, LocalDate today) {
        requireOpen("booked");
        if (date == null) {
            throw RuleBroken.invalid("bookedFor", "is required");
        }
        if (date.isBefore(today)) {
            throw RuleBroken.invalid("bookedFor", "cannot be in the past (today is " + today + ")");
        }
        ObligationStatus before = status;
        LocalDate previouslyBookedFor = bookedFor;
        if (status != ObligationStatus.OVERDUE) {
            status = ObligationStatus.BOOKED;
        }
        bookedFor = date;
        return new ObligationChange.Booked(this, before, previouslyBookedFor, date);
    }

    /**
     * The review booked for it will not take place (meeting-service cancelled the booking): the date booked is
     * withdrawn and the obligation is open again, DUE, or OVERDUE if its due date has passed (announced as overdue
     * the first time, exactly as the sweep would: {@link #overdueOn}). Nothing to withdraw (never booked, already
     * withdrawn: a redelivered cancellation) changes nothing. A closed obligation stays closed.
     */
    public List<ObligationChange> cancelBooking(LocalDate today) {
        if (!status.isOpen() || bookedFor == null) {
            return List.of();
        }
        ObligationStatus before = status;
        LocalDate withdrawn = bookedFor;
        bookedFor = null;
        if (status == ObligationStatus.BOOKED) {
            status = ObligationStatus.DUE;
        }
        List<ObligationChange> changes = new ArrayList<>();
        changes.add(new ObligationChange.BookingWithdrawn(this, before, withdrawn));
        overdueOn(today).ifPresent(changes::add);
        return List.copyOf(changes);
    }

    /**
     * Done, as reported: on a day that is not in the future nor before the obligation was opened, by a review this
     * kind allows ({@link ObligationReviews}), with the partners for {@code CTR_PARTNERS}.
     */
    public ObligationChange.Closed complete(Completion completion, LocalDate today, Instant at, String by) {
        requireOpen("completed");
        Objects.requireNonNull(completion, "completion");
        LocalDate on = completion.completedOn();
        if (on == null) {
            throw RuleBroken.invalid("completedOn", "is required");
        }
        if (on.isAfter(today)) {
            throw RuleBroken.invalid("completedOn", "cannot be in the future (today is " + today + ")");
        }
        if (on.isBefore(openedOn)) {
            throw RuleBroken.invalid("completedOn", "cannot be before the obligation was opened (" + openedOn + ")");
        }
        ReviewType review = ObligationReviews.resolve(kind, completion.reviewType());
        List<String> named = partnersFor(completion.partners());
        ObligationStatus before = status;
        status = ObligationStatus.DONE;
        completedOn = on;
        reviewType = review;
        meetingId = completion.meetingId();
        partners = named;
        closedAt = at;
        closedBy = by;
        return new ObligationChange.Closed(this, before, ObligationOutcome.DONE, on, review);
    }

    /**
     * Closed without being done, for a reason the DSR team gives (or the system: discharged, left the register).
     * The reason stays here: events say only that it was not needed.
     */
    public ObligationChange.Closed notNeeded(String reason, LocalDate today, Instant at, String by) {
        requireOpen("closed");
        OneLineText.problemWith(reason, REASON_MAX_LENGTH, NAME_INSTEAD).ifPresent(problem -> {
            throw RuleBroken.invalid("reason", problem);
        });
        ObligationStatus before = status;
        status = ObligationStatus.NOT_NEEDED;
        notNeededReason = reason.strip();
        completedOn = today;
        closedAt = at;
        closedBy = by;
        return new ObligationChange.Closed(this, before, ObligationOutcome.NOT_NEEDED, today, null);
    }

    /**
     * Overdue once its due date has passed (it is still on time on the due date itself), booked or not, and announced
     * exactly once per obligation: one that is DUE or BOOKED past its due date after it was announced (stored before
     * a booking kept it OVERDUE) is OVERDUE again, silently.
     */
    public Optional<ObligationChange> overdueOn(LocalDate today) {
        if ((status != ObligationStatus.DUE && status != ObligationStatus.BOOKED) || !dueOn.isBefore(today)) {
            return Optional.empty();
        }
        ObligationStatus before = status;
        status = ObligationStatus.OVERDUE;
        if (overdueAnnounced) {
            return Optional.of(new ObligationChange.OverdueAgain(this, before, dueOn));
        }
        overdueAnnounced = true;
        return Optional.of(new ObligationChange.BecameOverdue(this, before, dueOn));
    }

    /**
     * Where it stands on {@code today}: OVERDUE once an open obligation's due date has passed, even before the sweep
     * has marked it so (the sweep runs every few minutes; what a reader sees is never that late).
     */
    public ObligationStatus statusOn(LocalDate today) {
        if ((status == ObligationStatus.DUE || status == ObligationStatus.BOOKED) && dueOn.isBefore(today)) {
            return ObligationStatus.OVERDUE;
        }
        return status;
    }

    /** Moves the due date (an inpatient C(E)TR once the setting is known); only while not yet overdue. */
    Optional<ObligationChange.Rescheduled> dueAgain(LocalDate newDueOn) {
        if ((status != ObligationStatus.DUE && status != ObligationStatus.BOOKED) || newDueOn.equals(dueOn)) {
            return Optional.empty();
        }
        LocalDate before = dueOn;
        dueOn = newDueOn;
        return Optional.of(new ObligationChange.Rescheduled(this, before, newDueOn));
    }

    private List<String> partnersFor(List<String> given) {
        if (kind != CTR_PARTNERS) {
            if (!given.isEmpty()) {
                throw RuleBroken.invalid("partners", "are recorded only for a CTR_PARTNERS obligation");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            throw RuleBroken.invalid("partners", "name at least one agency or service who would join a C(E)TR");
        }
        if (given.size() > PARTNERS_MAX) {
            throw RuleBroken.invalid("partners", "at most " + PARTNERS_MAX + " partners");
        }
        LinkedHashSet<String> named = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String partner = given.get(i);
            int index = i;
            OneLineText.problemWith(partner, PARTNER_MAX_LENGTH, NAME_INSTEAD).ifPresent(problem -> {
                throw RuleBroken.invalid("partners[" + index + "]", problem);
            });
            named.add(partner.strip());
        }
        return List.copyOf(new ArrayList<>(named));
    }

    private void requireOpen(String what) {
        if (!status.isOpen()) {
            throw ObligationConflict.of(ObligationConflict.CLOSED, "The " + kind + " obligation is already "
                    + status + (completedOn != null ? " (" + completedOn + ")" : "") + " and cannot be " + what);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, personId, kind, status, scheduledFrom, dueOn, openedAt, openedOn, openedBy,
                ratingAtOpening, bookedFor, completedOn, reviewType, meetingId, partners, notNeededReason, closedAt,
                closedBy, overdueAnnounced);
    }

    public UUID id() {
        return id;
    }

    public UUID personId() {
        return personId;
    }

    public ObligationKind kind() {
        return kind;
    }

    public ObligationStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate scheduledFrom() {
        return scheduledFrom;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public OpeningCause openedBy() {
        return openedBy;
    }

    public RagRating ratingAtOpening() {
        return ratingAtOpening;
    }

    public Optional<LocalDate> bookedFor() {
        return Optional.ofNullable(bookedFor);
    }

    public Optional<LocalDate> completedOn() {
        return Optional.ofNullable(completedOn);
    }

    public Optional<ReviewType> reviewType() {
        return Optional.ofNullable(reviewType);
    }

    public Optional<String> notNeededReason() {
        return Optional.ofNullable(notNeededReason);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public List<String> partners() {
        return partners;
    }

    @Override
    public String toString() {
        return "Obligation[id=" + id + ", personId=" + personId + ", kind=" + kind + ", status=" + status
                + ", dueOn=" + dueOn + "]";
    }

    /**
     * Everything an obligation holds, for storing and restoring it.
     *
     * @param scheduledFrom    the day its period counts from (the rating change, the admission, the previous review)
     * @param openedOn         the England date it was opened
     * @param completedOn      the day it was done, or the day it was found not needed
     * @param closedBy         the subject who closed it, or null when the system did (discharge, leaving the register)
     * @param overdueAnnounced true once its overdue event has been published: never twice
     */
    public record Snapshot(UUID id, UUID personId, ObligationKind kind, ObligationStatus status,
                           LocalDate scheduledFrom, LocalDate dueOn, Instant openedAt, LocalDate openedOn,
                           OpeningCause openedBy, RagRating ratingAtOpening, LocalDate bookedFor,
                           LocalDate completedOn, ReviewType reviewType, UUID meetingId, List<String> partners,
                           String notNeededReason, Instant closedAt, String closedBy, boolean overdueAnnounced) {
    }
}
