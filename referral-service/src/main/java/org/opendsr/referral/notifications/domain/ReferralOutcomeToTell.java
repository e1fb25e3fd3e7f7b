package org.opendsr.referral.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * A decided referral whose outcome is owed to the referrer by {@code dueOn} ({@link ReferrerToldBy}), for the DSR team
 * of the area it was decided in: off their worklist once the message reached the referrer, or once the team records
 * that the referrer was told another way ({@link #toldAnotherWay}).
 */
public record ReferralOutcomeToTell(UUID referralId, UUID personId, String area, Instant decidedAt, LocalDate dueOn,
                                    ToldAnotherWay told) {

    /** How the referrer was told when the DSR's message did not reach them. */
    public enum WayOfTelling {
        PHONE,
        LETTER_BY_HAND,
        IN_PERSON,
        EMAIL_OUTSIDE_DSR
    }

    /** That the referrer was told, how, by whom (the DSR team member's user id), when, and who recorded it. */
    public record ToldAnotherWay(WayOfTelling how, String toldBy, Instant toldAt, String recordedBy,
                                 Instant recordedAt) {
        public ToldAnotherWay {
            Objects.requireNonNull(how, "how");
            Objects.requireNonNull(toldBy, "toldBy");
            Objects.requireNonNull(toldAt, "toldAt");
        }
    }

    /**
     * Records that the referrer was told another way. The same way again changes nothing (a repeated request: this,
     * unchanged); another way once one is recorded is refused (409), as it would rewrite the record.
     */
    public ReferralOutcomeToTell toldAnotherWay(ToldAnotherWay how) {
        if (told != null) {
            if (told.how() == how.how()) {
                return this;
            }
            throw RuleBroken.conflict("referrer-already-told", "The referrer was already told another way",
                    "recorded as told by " + told.how() + " on " + told.toldAt());
        }
        if (how.toldAt().isAfter(how.recordedAt())) {
            throw RuleBroken.invalid("toldAt", "must not be in the future");
        }
        if (how.toldAt().isBefore(decidedAt)) {
            throw RuleBroken.invalid("toldAt", "must not be before the decision (" + decidedAt + ")");
        }
        return new ReferralOutcomeToTell(referralId, personId, area, decidedAt, dueOn, how);
    }
}
