package org.opendsr.risk.obligations.domain;

import static org.opendsr.contracts.risk.ObligationKind.COMMISSIONER_OVERSIGHT_VISIT;
import static org.opendsr.contracts.risk.ObligationKind.COMMUNITY_CTR;
import static org.opendsr.contracts.risk.ObligationKind.CTR_PARTNERS;
import static org.opendsr.contracts.risk.ObligationKind.INPATIENT_CTR;
import static org.opendsr.contracts.risk.ObligationKind.KEYWORKER_REFERRAL;
import static org.opendsr.contracts.risk.ObligationKind.MULTI_AGENCY_REVIEW;
import static org.opendsr.contracts.risk.ObligationKind.POST_ADMISSION_CTR;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ObligationOutcome;

/**
 * What each rating obliges, and when (NHS England, <i>Dynamic support register and Care (Education) and Treatment
 * Review policy and guide</i>, 2023; DOMAIN.md "Risk rating"; due dates from {@link ObligationTimescales}).
 *
 * <ul>
 *   <li><b>RED</b>: a community C(E)TR ({@code COMMUNITY_CTR}), which a Local Area Emergency Protocol meeting may
 *       meet when it is too urgent for one.</li>
 *   <li><b>AMBER</b>: a multi-agency meeting and/or a C(E)TR ({@code MULTI_AGENCY_REVIEW}).</li>
 *   <li><b>GREEN</b>: record the partners who would join a C(E)TR ({@code CTR_PARTNERS}).</li>
 *   <li><b>BLUE</b>: on admission a post-admission C(E)TR; while an inpatient, inpatient C(E)TRs (the first that period
 *       after admission, each next that period after the previous one is done) and commissioner oversight visits
 *       (every 6 or 8 weeks from admission, the next opening when one is done).</li>
 *   <li><b>0-25 and RED, AMBER or BLUE</b>: a keyworker referral, once per time on the register; a new one only
 *       when the last was found not needed (circumstances may have changed since) — see
 *       {@link #needsKeyworkerReferral}.</li>
 * </ul>
 *
 * Obligations open when a person moves into a rating (or is admitted or discharged), not when the same rating is
 * confirmed: a meeting agreeing RED after a C(E)TR does not oblige another one. Never two open obligations of one
 * kind. <b>Support never reduces because a rating goes down</b>: a lower rating never closes an open obligation or
 * moves its due date; only discharge closes what only an inpatient can have, and leaving the register closes all.
 */
public final class ObligationPolicy {

    /** The reason recorded when discharge closes an inpatient-only obligation. */
    public static final String DISCHARGED = "discharged";
    /** The reason recorded when leaving the register closes an obligation. */
    public static final String LEFT_THE_REGISTER = "left the register";

    /** What only an inpatient can have: closed on discharge. */
    static final Set<ObligationKind> INPATIENT_ONLY = EnumSet.of(POST_ADMISSION_CTR, INPATIENT_CTR,
            COMMISSIONER_OVERSIGHT_VISIT);
    /** The ratings that oblige a keyworker referral for someone aged 0-25. */
    static final Set<RagRating> KEYWORKER_RATINGS = EnumSet.of(RagRating.RED, RagRating.AMBER, RagRating.BLUE);

    private final ObligationTimescales timescales;

    public ObligationPolicy(ObligationTimescales timescales) {
        this.timescales = Objects.requireNonNull(timescales, "timescales");
    }

    public ObligationTimescales timescales() {
        return timescales;
    }

    /**
     * What a rating change obliges, given every obligation the person has had (open and closed): the obligations it
     * opens, closes (discharge) or reschedules (an inpatient setting recorded). Closed and rescheduled ones are
     * changed in place; opened ones are new, in the returned changes.
     */
    public List<ObligationChange> follow(RatingMove move, List<Obligation> history) {
        List<ObligationChange> changes = new ArrayList<>();
        if (move.cause() == OpeningCause.INPATIENT_SETTING_RECORDED) {
            rescheduleInpatientCtr(move, history, changes);
            return changes;
        }
        if (move.cause() == OpeningCause.DISCHARGE) {
            // No longer an inpatient: what only an inpatient can have is not needed any more.
            for (Obligation obligation : history) {
                if (obligation.isOpen() && INPATIENT_ONLY.contains(obligation.kind())) {
                    changes.add(obligation.notNeeded(DISCHARGED, move.on(), move.at(), null));
                }
            }
        }
        if (!move.entersRating()) {
            return changes;
        }
        List<Obligation> open = new ArrayList<>(history.stream().filter(Obligation::isOpen).toList());
        LocalDate on = move.on();
        switch (move.rating()) {
            case RED -> openUnlessOpen(COMMUNITY_CTR, on, on.plus(timescales.communityCtr()), move, open, changes);
            case AMBER -> openUnlessOpen(MULTI_AGENCY_REVIEW, on, on.plus(timescales.multiAgencyReview()), move,
                    open, changes);
            case GREEN -> openUnlessOpen(CTR_PARTNERS, on, on.plus(timescales.ctrPartners()), move, open, changes);
            case BLUE -> {
                if (move.cause() == OpeningCause.ADMISSION) {
                    // After an admission. A BLUE rating given any other way (a referrer's indicative BLUE for
                    // someone long in hospital) does not call for one.
                    openUnlessOpen(POST_ADMISSION_CTR, on, on.plus(timescales.postAdmissionCtr(move.lifeStage())),
                            move, open, changes);
                }
                openUnlessOpen(INPATIENT_CTR, on, on.plus(timescales.inpatientCtr(move.lifeStage(), move.setting())),
                        move, open, changes);
                openUnlessOpen(COMMISSIONER_OVERSIGHT_VISIT, on,
                        on.plus(timescales.oversightVisit(move.lifeStage())), move, open, changes);
            }
            default -> throw new IllegalStateException("unknown rating " + move.rating());
        }
        if (move.under25() && KEYWORKER_RATINGS.contains(move.rating()) && needsKeyworkerReferral(move, history)) {
            openUnlessOpen(KEYWORKER_REFERRAL, on, on.plus(timescales.keyworkerReferral()), move, open, changes);
        }
        return changes;
    }

    /** The person left the register: nothing is owed them by the DSR any more. */
    public List<ObligationChange> leftRegister(List<Obligation> history, Instant at, LocalDate on) {
        List<ObligationChange> changes = new ArrayList<>();
        for (Obligation obligation : history) {
            if (obligation.isOpen()) {
                changes.add(obligation.notNeeded(LEFT_THE_REGISTER, on, at, null));
            }
        }
        return changes;
    }

    /**
     * The next inpatient C(E)TR or oversight visit, once one closed while the person is still BLUE. An inpatient
     * C(E)TR is due that period after the previous one was done; one found not needed keeps the schedule (that
     * period after its own due date), so skipping one never stops the next. An oversight visit stays on the
     * schedule from admission (every 6 or 8 weeks) and is never due more than one period after the last visit:
     * the next due date is the earlier of the next one on the schedule after the visit, and one period after it.
     * Nothing recurs for someone no longer an inpatient (discharge closes these as not needed).
     */
    public Optional<ObligationChange.Opened> nextAfter(ObligationChange.Closed closed, PersonNow person,
                                                       Instant at, LocalDate today) {
        Obligation previous = closed.obligation();
        if (!person.isInpatient()
                || (previous.kind() != INPATIENT_CTR && previous.kind() != COMMISSIONER_OVERSIGHT_VISIT)) {
            return Optional.empty();
        }
        boolean done = closed.outcome() == ObligationOutcome.DONE;
        LocalDate from;
        LocalDate due;
        if (previous.kind() == INPATIENT_CTR) {
            Period every = timescales.inpatientCtr(person.lifeStage(), person.setting());
            from = done ? closed.closedOn() : previous.dueOn();
            due = from.plus(every);
        } else {
            Period every = timescales.oversightVisit(person.lifeStage());
            from = previous.dueOn();
            due = from.plus(every);
            while (!due.isAfter(closed.closedOn())) {
                from = due;
                due = due.plus(every);
            }
            if (done && closed.closedOn().plus(every).isBefore(due)) {
                from = closed.closedOn();
                due = from.plus(every);
            }
        }
        Obligation next = Obligation.open(previous.personId(), previous.kind(), from, due, at, today,
                OpeningCause.RECURRENCE, RagRating.BLUE);
        return Optional.of(new ObligationChange.Opened(next, due, RagRating.BLUE));
    }

    /**
     * A keyworker referral is made once per time on the register: not while one is open, not after one was done
     * during this time on the register. One found not needed (the keyworker service was not right then) does not
     * count: the next move into RED, AMBER or BLUE opens another. A time on the register starts at acceptance (the
     * indicative rating) and ends when the person leaves it; obligations from an earlier time do not count.
     */
    boolean needsKeyworkerReferral(RatingMove move, List<Obligation> history) {
        Instant thisTimeFrom = move.cause() == OpeningCause.INDICATIVE_AT_ACCEPTANCE ? move.at()
                : startOfThisTimeOnRegister(history);
        Optional<Obligation> last = history.stream()
                .filter(o -> o.kind() == KEYWORKER_REFERRAL)
                .filter(o -> thisTimeFrom == null || !o.openedAt().isBefore(thisTimeFrom))
                .max(Comparator.comparing(Obligation::openedAt));
        return last.isEmpty() || last.get().status() == ObligationStatus.NOT_NEEDED;
    }

    /** The latest acceptance (an obligation opened by the indicative rating) or departure seen, or null. */
    private static Instant startOfThisTimeOnRegister(List<Obligation> history) {
        Instant start = null;
        for (Obligation obligation : history) {
            Instant marker = null;
            if (obligation.openedBy() == OpeningCause.INDICATIVE_AT_ACCEPTANCE) {
                marker = obligation.openedAt();
            } else if (obligation.status() == ObligationStatus.NOT_NEEDED
                    && obligation.notNeededReason().filter(LEFT_THE_REGISTER::equals).isPresent()) {
                marker = obligation.closedAt().orElse(null);
            }
            if (marker != null && (start == null || marker.isAfter(start))) {
                start = marker;
            }
        }
        return start;
    }

    /**
     * An open inpatient C(E)TR falls due by the setting's frequency, counted from the same day (admission or the
     * previous review): an adult found to be in a secure setting is due 12 months from it rather than 6. One already
     * overdue stays overdue on its date: it was late under the frequency known then.
     */
    private void rescheduleInpatientCtr(RatingMove move, List<Obligation> history, List<ObligationChange> changes) {
        Period every = timescales.inpatientCtr(move.lifeStage(), move.setting());
        for (Obligation obligation : history) {
            if (obligation.isOpen() && obligation.kind() == INPATIENT_CTR) {
                obligation.dueAgain(obligation.scheduledFrom().plus(every)).ifPresent(changes::add);
            }
        }
    }

    private static void openUnlessOpen(ObligationKind kind, LocalDate from, LocalDate due, RatingMove move,
                                       List<Obligation> open, List<ObligationChange> changes) {
        if (open.stream().anyMatch(o -> o.kind() == kind)) {
            return;
        }
        Obligation obligation = Obligation.open(move.personId(), kind, from, due, move.at(), move.on(), move.cause(),
                move.rating());
        open.add(obligation);
        changes.add(new ObligationChange.Opened(obligation, due, move.rating()));
    }
}
