package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.consent.ReminderSubject;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One consent to be on the DSR, from recording to its end: renewed, lapsed or withdrawn. Dates drive its state
 * ({@link ConsentRenewalPolicy}); each change it goes through is returned as a {@link ConsentChange} for the
 * caller to publish in the same transaction. Nothing is ever deleted: a closed consent is the person's history.
 */
public final class Consent {

    private final UUID id;
    private final UUID personId;
    private final ConsentGiven given;
    private final boolean givenForChild;
    private RenewalDue renewalDue;
    private ConsentState state;
    private LocalDate renewalDueSince;
    private LocalDate overdueSince;
    private LocalDate graceEndsOn;
    private LocalDate lapsedOn;
    private Withdrawal withdrawal;
    private UUID renewedBy;
    private LocalDate renewedOn;
    private int remindersSent;
    private LocalDate lastReminderFor;

    private Consent(Snapshot snapshot) {
        this.id = Objects.requireNonNull(snapshot.id(), "id");
        this.personId = Objects.requireNonNull(snapshot.personId(), "personId");
        this.given = Objects.requireNonNull(snapshot.given(), "given");
        this.givenForChild = snapshot.givenForChild();
        this.renewalDue = Objects.requireNonNull(snapshot.renewalDue(), "renewalDue");
        this.state = Objects.requireNonNull(snapshot.state(), "state");
        this.renewalDueSince = snapshot.renewalDueSince();
        this.overdueSince = snapshot.overdueSince();
        this.graceEndsOn = snapshot.graceEndsOn();
        this.lapsedOn = snapshot.lapsedOn();
        this.withdrawal = snapshot.withdrawal();
        this.renewedBy = snapshot.renewedBy();
        this.renewedOn = snapshot.renewedOn();
        this.remindersSent = snapshot.remindersSent();
        this.lastReminderFor = snapshot.lastReminderFor();
    }

    /**
     * A new consent, in the state its dates give today: a consent given 12 months and 1 week ago is overdue at
     * once, with 3 weeks of grace left. Recording never lapses a consent, even one whose grace period has already
     * ended: lapsing is the lifecycle run's, which removes people from the register, so the next run does it.
     * Rules on who may give it are checked by {@link ConsentRecording}.
     */
    static Consent start(UUID id, KnownPerson person, ConsentGiven given, LocalDate today, ConsentRenewalPolicy policy) {
        boolean forChild = person.isChildOn(given.givenOn());
        RenewalDue due = policy.renewalDue(given.givenOn(), forChild, person.turns18In());
        Consent consent = new Consent(new Snapshot(id, person.personId(), given, forChild, due, ConsentState.ACTIVE,
                null, null, null, null, null, null, null, 0, null));
        consent.followDates(today, policy, false);
        return consent;
    }

    public static Consent restore(Snapshot snapshot) {
        return new Consent(snapshot);
    }

    /** What this consent's recording tells everyone: its state on the day it was recorded. */
    ConsentChange.Recorded recorded() {
        return new ConsentChange.Recorded(id, personId, given.basis(), given.givenOn(), renewalDue, state,
                state == ConsentState.OVERDUE ? graceEndsOn : null, given.renewalOf(), given.recordedAt());
    }

    /**
     * The lifecycle run: moves the consent to the state its dates give today, lapsing it once its grace period has
     * ended. Runs on the same day change nothing after the first.
     */
    public Optional<ConsentChange> moveOn(LocalDate today, ConsentRenewalPolicy policy) {
        return followDates(today, policy, true);
    }

    /**
     * The person turns 18 in {@code month}: a consent given while they were a child must be renewed by the last day of
     * that month (unless its yearly renewal comes first), and follows its dates from there: usually renewal due at
     * once, overdue from that last day with the grace period from then. Nothing changes for a consent already overdue.
     * The caller stores the consent whatever this returns: the due date may move without the state moving.
     */
    public Optional<ConsentChange> personTurning18(YearMonth month, LocalDate today, ConsentRenewalPolicy policy) {
        if (!state.isOpen() || !givenForChild || state == ConsentState.OVERDUE) {
            return Optional.empty();
        }
        renewalDue = policy.renewalDue(given.givenOn(), true, month);
        return followDates(today, policy, false);
    }

    /**
     * The reminder due today, if the schedule calls for one that has not been sent. A run that missed some days
     * sends only the latest; a second run on the same day sends nothing.
     */
    public Optional<ConsentChange.ReminderDue> remindIfDue(LocalDate today, ConsentRenewalPolicy policy) {
        if (state != ConsentState.RENEWAL_DUE && state != ConsentState.OVERDUE) {
            return Optional.empty();
        }
        LocalDate graceEnd = graceEndsOn != null ? graceEndsOn : policy.graceEndsOn(renewalDue);
        Optional<ScheduledReminder> latest = policy.latestReminderBy(renewalDue, graceEnd, today)
                .filter(reminder -> lastReminderFor == null || reminder.on().isAfter(lastReminderFor))
                .filter(reminder -> reminder.subject() == (state == ConsentState.OVERDUE
                        ? ReminderSubject.RENEWAL_OVERDUE : ReminderSubject.RENEWAL_DUE_SOON));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        remindersSent++;
        lastReminderFor = latest.get().on();
        return Optional.of(new ConsentChange.ReminderDue(id, personId, latest.get().subject(), latest.get().on(),
                renewalDue.on(), state == ConsentState.OVERDUE ? graceEndsOn : null, remindersSent));
    }

    /**
     * Withdrawal, at any time while the consent is open. The person is removed from the register; their current
     * support is not affected.
     */
    public ConsentChange.Withdrawn withdraw(Withdrawal withdrawal, LocalDate today) {
        if (withdrawal.on().isAfter(today)) {
            throw RuleBroken.invalid("withdrawnOn", "cannot be in the future");
        }
        if (withdrawal.note() != null) {
            FreeText.problemWith(withdrawal.note(), ConsentRecording.WITHDRAWAL_NOTE_MAX_LENGTH).ifPresent(problem -> {
                throw RuleBroken.invalid("note", problem);
            });
        }
        switch (state) {
            case WITHDRAWN -> throw ConsentConflict.of("consent-already-withdrawn", null,
                    "The consent was already withdrawn on " + this.withdrawal.on());
            case LAPSED -> throw ConsentConflict.of("consent-lapsed", null,
                    "The consent lapsed on " + lapsedOn + "; there is nothing to withdraw");
            case RENEWED -> throw ConsentConflict.of("consent-renewed", null,
                    "The consent was renewed by consent " + renewedBy + "; withdraw that one");
            case SUPERSEDED_BY_MERGE -> throw ConsentConflict.of("consent-superseded-by-merge", null,
                    "The person's records were merged and consent " + renewedBy + " carries their consent on; "
                            + "withdraw that one");
            default -> {
                // open: may be withdrawn
            }
        }
        if (withdrawal.on().isBefore(given.givenOn())) {
            throw RuleBroken.invalid("withdrawnOn", "cannot be before the consent was given (" + given.givenOn() + ")");
        }
        this.state = ConsentState.WITHDRAWN;
        this.withdrawal = withdrawal;
        return new ConsentChange.Withdrawn(id, personId, withdrawal.on(), withdrawal.reason());
    }

    /** A newer consent renews this one: it closes, and the person's consent carries on in the renewal. */
    void renewedBy(UUID renewal, LocalDate on) {
        if (!state.isOpen()) {
            throw new IllegalStateException("only an open consent can be renewed");
        }
        this.state = ConsentState.RENEWED;
        this.renewedBy = renewal;
        this.renewedOn = on;
    }

    /**
     * The person's records were merged and the survivor's open consent {@code carriedOnBy} was given later: this one
     * closes, as a renewed one does, so that the person has one open consent. Nothing is published: the person's
     * consent carries on, unchanged for everyone who knew of {@code carriedOnBy}.
     */
    void supersededByMerge(UUID carriedOnBy, LocalDate on) {
        if (!state.isOpen()) {
            throw new IllegalStateException("only an open consent can be superseded");
        }
        this.state = ConsentState.SUPERSEDED_BY_MERGE;
        this.renewedBy = carriedOnBy;
        this.renewedOn = on;
    }

    private Optional<ConsentChange> followDates(LocalDate today, ConsentRenewalPolicy policy, boolean mayLapse) {
        if (!state.isOpen()) {
            return Optional.empty();
        }
        ConsentState target;
        if (state == ConsentState.OVERDUE) {
            // The end of grace the person was told is kept, even if the settings change meanwhile.
            target = today.isBefore(graceEndsOn) ? ConsentState.OVERDUE : ConsentState.LAPSED;
        } else {
            target = policy.stateOn(renewalDue, today);
        }
        if (target == ConsentState.LAPSED && !mayLapse) {
            target = ConsentState.OVERDUE;
        }
        if (!target.isLaterThan(state)) {
            return Optional.empty();
        }
        return Optional.of(enter(target, today, policy));
    }

    /** One change per move, naming the state entered; a run that missed days goes straight to where the dates are. */
    private ConsentChange enter(ConsentState target, LocalDate today, ConsentRenewalPolicy policy) {
        state = target;
        switch (target) {
            case RENEWAL_DUE -> {
                renewalDueSince = policy.renewalWindowOpensOn(renewalDue);
                return new ConsentChange.RenewalBecameDue(id, personId, renewalDue.on());
            }
            case OVERDUE -> {
                overdueSince = renewalDue.on();
                graceEndsOn = policy.graceEndsOn(renewalDue);
                return new ConsentChange.BecameOverdue(id, personId, overdueSince, graceEndsOn, renewalDue.reason());
            }
            case LAPSED -> {
                if (overdueSince == null) {
                    overdueSince = renewalDue.on();
                    graceEndsOn = policy.graceEndsOn(renewalDue);
                }
                // The day the run lapsed it: the end of grace when runs are daily, later only if runs were missed.
                lapsedOn = today;
                return new ConsentChange.Lapsed(id, personId, lapsedOn);
            }
            default -> throw new IllegalStateException("dates never lead to " + target);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, personId, given, givenForChild, renewalDue, state, renewalDueSince, overdueSince,
                graceEndsOn, lapsedOn, withdrawal, renewedBy, renewedOn, remindersSent, lastReminderFor);
    }

    public UUID id() {
        return id;
    }

    public UUID personId() {
        return personId;
    }

    public ConsentGiven given() {
        return given;
    }

    public ConsentState state() {
        return state;
    }

    public RenewalDue renewalDue() {
        return renewalDue;
    }

    public boolean givenForChild() {
        return givenForChild;
    }

    /** The day the person is removed from the register if not renewed; known once the consent is overdue. */
    public Optional<LocalDate> graceEndsOn() {
        return Optional.ofNullable(graceEndsOn);
    }

    public Optional<Withdrawal> withdrawal() {
        return Optional.ofNullable(withdrawal);
    }

    public int remindersSent() {
        return remindersSent;
    }

    @Override
    public String toString() {
        return "Consent[id=" + id + ", personId=" + personId + ", state=" + state + "]";
    }

    /**
     * Everything a consent holds, for storing and restoring it.
     *
     * @param givenForChild    given while the person was a child: renewed when they turn 18
     * @param renewalDueSince  the day the renewal window opened, once it has
     * @param overdueSince     the due date, once it has passed
     * @param graceEndsOn      the day it lapses if not renewed, once overdue
     * @param lapsedOn         the day the lifecycle run lapsed it
     * @param renewedBy        the consent that renewed it
     * @param lastReminderFor  the scheduled day of the last reminder sent
     */
    public record Snapshot(UUID id, UUID personId, ConsentGiven given, boolean givenForChild, RenewalDue renewalDue,
                           ConsentState state, LocalDate renewalDueSince, LocalDate overdueSince,
                           LocalDate graceEndsOn, LocalDate lapsedOn, Withdrawal withdrawal, UUID renewedBy,
                           LocalDate renewedOn, int remindersSent, LocalDate lastReminderFor) {
    }
}
