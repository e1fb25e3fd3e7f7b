package org.opendsr.referral.keyworker.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * A keyworker referral the DSR suggested for someone under 25 ({@code KeyworkerReferralPolicy}), on the DSR team's
 * worklist until it has an outcome. The children and young people's keyworker service (0-25) takes referrals only
 * through the DSR, and the DSR's need-to-know model has no keyworker-team role, so the DSR team of the person's area
 * works each suggestion on the keyworker service's behalf and records what became of it, once.
 *
 * @param outcome null while the suggestion is open
 */
public record KeyworkerSuggestion(UUID id, UUID personId, UUID episodeId, String reason, Instant suggestedAt,
                                  Outcome outcome) {

    /** What became of a suggestion. */
    public enum Decision {
        /** The DSR team referred the person to the keyworker service. */
        REFERRED,
        /** The person or their family did not want a keyworker: their answer is recorded. */
        DECLINED_BY_FAMILY,
        /** No referral needed, for a reason from {@link NotNeededReason}. */
        NOT_NEEDED
    }

    /** Why no keyworker referral is needed. */
    public enum NotNeededReason {
        /** The person already has a keyworker. */
        ALREADY_HAS_KEYWORKER,
        /** A keyworker referral is already made (e.g. for an earlier episode) and in hand. */
        ALREADY_REFERRED,
        /** No longer eligible: 25 or over, or no longer on the register. */
        NO_LONGER_ELIGIBLE,
        /** Their needs are met by support already in place. */
        NEEDS_MET_BY_CURRENT_SUPPORT
    }

    /**
     * The outcome and who recorded it when.
     *
     * @param familyAnswer    the family's own words, for {@link Decision#DECLINED_BY_FAMILY} only
     * @param notNeededReason for {@link Decision#NOT_NEEDED} only
     */
    public record Outcome(Decision decision, String familyAnswer, NotNeededReason notNeededReason, String recordedBy,
                          Instant recordedAt) {

        public Outcome {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(recordedBy, "recordedBy");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        /** The same decision with the same details, whoever recorded it when: a repeat, not a change. */
        boolean sameAs(Outcome other) {
            return decision == other.decision && Objects.equals(familyAnswer, other.familyAnswer)
                    && notNeededReason == other.notNeededReason;
        }

        @Override
        public String toString() {
            return "Outcome[" + decision + ", notNeededReason=" + notNeededReason + ", family's answer redacted]";
        }
    }

    public KeyworkerSuggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestedAt, "suggestedAt");
    }

    public boolean isOpen() {
        return outcome == null;
    }

    /**
     * The suggestion with its outcome. Each decision carries what it needs and nothing else: the family's answer
     * for a decline, a reason code when not needed. Recording the same outcome again changes nothing (a retried
     * request); a different one once an outcome is recorded is refused: the outcome is recorded once.
     */
    public KeyworkerSuggestion withOutcome(Decision decision, String familyAnswer, NotNeededReason notNeededReason,
                                           String by, Instant at) {
        if (decision == null) {
            throw RuleBroken.invalid("outcome", "must be REFERRED, DECLINED_BY_FAMILY or NOT_NEEDED");
        }
        String answer = familyAnswer == null || familyAnswer.isBlank() ? null : familyAnswer.trim();
        if (familyAnswer != null && answer == null) {
            throw RuleBroken.invalid("familyAnswer", "must not be blank");
        }
        if (decision == Decision.DECLINED_BY_FAMILY && answer == null) {
            throw RuleBroken.invalid("familyAnswer", "is required when the family declined: record their answer");
        }
        if (decision != Decision.DECLINED_BY_FAMILY && answer != null) {
            throw RuleBroken.invalid("familyAnswer", "is recorded only when the family declined");
        }
        if (decision == Decision.NOT_NEEDED && notNeededReason == null) {
            throw RuleBroken.invalid("notNeededReason", "is required when no keyworker referral is needed");
        }
        if (decision != Decision.NOT_NEEDED && notNeededReason != null) {
            throw RuleBroken.invalid("notNeededReason", "is given only when the outcome is NOT_NEEDED");
        }
        Outcome recorded = new Outcome(decision, answer, notNeededReason, by, at);
        if (outcome != null) {
            if (outcome.sameAs(recorded)) {
                return this;
            }
            throw RuleBroken.conflict("keyworker-suggestion-outcome-recorded", "Outcome already recorded",
                    "this keyworker suggestion's outcome is already recorded as " + outcome.decision()
                            + "; an outcome is recorded once");
        }
        return new KeyworkerSuggestion(id, personId, episodeId, reason, suggestedAt, recorded);
    }

    @Override
    public String toString() {
        return "KeyworkerSuggestion[id=" + id + ", personId=" + personId + ", outcome=" + outcome + "]";
    }
}
