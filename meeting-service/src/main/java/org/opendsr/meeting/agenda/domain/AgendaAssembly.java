package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * Who a tracking meeting talks about, and why (DOMAIN.md "Meetings"; NHSE DSR and C(E)TR policy 2023): from the
 * area's register, the reviews the ratings oblige and the actions agreed at earlier meetings.
 *
 * <ul>
 *   <li><b>New referrals</b> and <b>acceptances</b> since the last meeting.</li>
 *   <li>Everyone <b>BLUE</b> (an inpatient) or <b>RED</b>, at every meeting.</li>
 *   <li><b>AMBER due review</b>: AMBER with the multi-agency review the rating obliges due on or before the next
 *       meeting (or overdue): with no meeting in between, this is the one to plan it at.</li>
 *   <li><b>Rating changes</b> since the last meeting (from one rating to another; a first rating is not a change).</li>
 *   <li><b>Overdue updates</b> and <b>overdue actions</b>, as they stand on the day of assembly.</li>
 *   <li><b>Consent renewals</b> due on or before the next meeting, or overdue; consent that <b>lapsed or was
 *       withdrawn</b> (the person is still on the register until referral-service removes them), said as such.</li>
 *   <li><b>Reviews due</b>: every other open obligation (C(E)TRs, oversight visits, keyworker referrals...) due on or
 *       before the next meeting, or overdue.</li>
 * </ul>
 * People on the register are considered for every reason. A person referred and not yet decided is on the agenda
 * only as a new referral (the meeting may help the DSR team decide; there is no rating or consent to talk about yet).
 * People who left the register, or whose referral was declined or withdrawn, are not on it: what they were rated or
 * owed was closed when they left, and the meeting no longer tracks them (an overdue action about them is for the
 * overdue-actions worklist).
 *
 * <p>Each person is one item with all their reasons. Items come in the order a chair takes them: BLUE, then RED,
 * then AMBER due review, then everyone else; within each, the longest-standing first (the earliest day any of their
 * reasons refers to: rated on, due on, referred on...).
 */
public final class AgendaAssembly {


    private AgendaAssembly() {
    }

    public static List<AgendaItem> assemble(AgendaWindow window, List<RegisterEntry> register,
                                            List<OpenReview> reviews, List<ActionOverdue> actions) {
        Map<UUID, List<OpenReview>> reviewsOf = reviews.stream()
                .collect(Collectors.groupingBy(OpenReview::personId));
        Map<UUID, List<ActionOverdue>> actionsOf = actions.stream()
                .collect(Collectors.groupingBy(ActionOverdue::personId));
        List<Candidate> candidates = new ArrayList<>();
        for (RegisterEntry person : register) {
            Candidate candidate = new Candidate(person.personId());
            if (person.onRegister()) {
                onTheRegister(candidate, person, window,
                        reviewsOf.getOrDefault(person.personId(), List.of()),
                        actionsOf.getOrDefault(person.personId(), List.of()));
            } else if (person.awaitingDecision()) {
                newReferral(candidate, person, window);
            }
            if (!candidate.reasons.isEmpty()) {
                candidates.add(candidate);
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::group)
                        .thenComparing(Candidate::oldest, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(candidate -> candidate.personId))
                .map(candidate -> new AgendaItem(candidate.personId, candidate.reasons))
                .toList();
    }

    private static void onTheRegister(Candidate item, RegisterEntry person, AgendaWindow window,
                                      List<OpenReview> reviews, List<ActionOverdue> actions) {
        newReferral(item, person, window);
        if (window.isSince(person.acceptedAt())) {
            LocalDate on = dayOf(person.acceptedAt());
            item.add(AgendaReason.ACCEPTED, "Accepted onto the register on " + on, on);
        }
        if (person.rating() == RagRating.BLUE || person.rating() == RagRating.RED) {
            AgendaReason code = person.rating() == RagRating.BLUE ? AgendaReason.BLUE : AgendaReason.RED;
            String what = person.rating() == RagRating.BLUE ? "Rated BLUE (an inpatient)" : "Rated RED";
            item.add(code, what + (person.ratedOn() == null ? "" : " since " + person.ratedOn())
                    + (person.ratingIndicative() ? " (indicative, from the referral)" : ""), person.ratedOn());
        }
        List<OpenReview> due = reviews.stream().filter(review -> window.dueBeforeNextMeeting(review.dueOn()))
                .sorted(Comparator.comparing(OpenReview::dueOn)).toList();
        List<OpenReview> others = due;
        if (person.rating() == RagRating.AMBER) {
            List<OpenReview> multiAgency = due.stream()
                    .filter(review -> review.kind() == ObligationKind.MULTI_AGENCY_REVIEW).toList();
            if (!multiAgency.isEmpty()) {
                OpenReview review = multiAgency.get(0);
                item.add(AgendaReason.AMBER_DUE_REVIEW, "AMBER: " + dueWords("multi-agency review", review.dueOn(),
                        window), review.dueOn());
                // Said once: the review that puts an AMBER person on the agenda is not repeated as a review due.
                others = due.stream().filter(other -> !multiAgency.contains(other)).toList();
            }
        }
        if (window.isSince(person.ratingChangedAt()) && person.previousRating() != null
                && person.rating() != null && person.previousRating() != person.rating()) {
            LocalDate on = dayOf(person.ratingChangedAt());
            item.add(AgendaReason.RATING_CHANGED,
                    "Rating changed " + person.previousRating() + " → " + person.rating() + " on " + on, on);
        }
        if (person.updateOverdueSince() != null) {
            item.add(AgendaReason.UPDATE_OVERDUE, "Update overdue since " + person.updateOverdueSince(),
                    person.updateOverdueSince());
        }
        if (person.consentEnded()) {
            // Not a renewal to chase: the consent is over and the person is to leave the register (referral-service
            // removes them; until its event arrives the meeting should know why, not be told to renew).
            boolean lapsed = person.consentStatus() == ConsentStatus.LAPSED;
            item.add(AgendaReason.CONSENT_ENDED, (lapsed ? "Consent lapsed" : "Consent withdrawn")
                    + (lapsed && person.consentRenewalDueOn() != null
                            ? " (renewal was due " + person.consentRenewalDueOn() + ")" : "")
                    + ": removal from the register expected", person.consentRenewalDueOn());
        } else if (person.consentRenewalDueOn() != null
                && window.dueBeforeNextMeeting(person.consentRenewalDueOn())) {
            item.add(AgendaReason.CONSENT_RENEWAL_DUE,
                    dueWords("Consent renewal", person.consentRenewalDueOn(), window), person.consentRenewalDueOn());
        }
        if (!actions.isEmpty()) {
            LocalDate oldest = actions.stream().map(ActionOverdue::dueOn).min(Comparator.naturalOrder()).orElseThrow();
            item.add(AgendaReason.ACTION_OVERDUE, actions.size() == 1
                    ? "1 action overdue (due " + oldest + ")"
                    : actions.size() + " actions overdue (the oldest due " + oldest + ")", oldest);
        }
        if (!others.isEmpty()) {
            item.add(AgendaReason.REVIEW_DUE, others.stream()
                    .map(review -> dueWords(review.named(), review.dueOn(), window))
                    .collect(Collectors.joining("; ")), others.get(0).dueOn());
        }
    }

    private static void newReferral(Candidate item, RegisterEntry person, AgendaWindow window) {
        if (window.isSince(person.referredAt())) {
            LocalDate on = dayOf(person.referredAt());
            item.add(AgendaReason.NEW_REFERRAL, "Referred on " + on
                    + (person.awaitingDecision() ? ", not yet accepted or declined" : ""), on);
        }
    }

    /** "Community C(E)TR due 2026-12-10", or "... overdue since 2026-11-30" once its day has passed. */
    private static String dueWords(String what, LocalDate dueOn, AgendaWindow window) {
        return what + (dueOn.isBefore(window.today()) ? " overdue since " : " due ") + dueOn;
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, WorkingHours.ENGLAND);
    }

    /** A person's item while it is being worked out. */
    private static final class Candidate {

        private final UUID personId;
        private final List<ItemReason> reasons = new ArrayList<>();
        private LocalDate oldest;

        Candidate(UUID personId) {
            this.personId = personId;
        }

        void add(AgendaReason code, String why, LocalDate refersTo) {
            reasons.add(new ItemReason(code, why));
            if (refersTo != null && (oldest == null || refersTo.isBefore(oldest))) {
                oldest = refersTo;
            }
        }

        /** BLUE, then RED, then AMBER due review, then the rest. */
        int group() {
            for (AgendaReason first : List.of(AgendaReason.BLUE, AgendaReason.RED, AgendaReason.AMBER_DUE_REVIEW)) {
                if (reasons.stream().anyMatch(reason -> reason.code() == first)) {
                    return first.ordinal();
                }
            }
            return AgendaReason.values().length;
        }

        LocalDate oldest() {
            return oldest;
        }
    }
}
