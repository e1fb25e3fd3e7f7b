package org.opendsr.referral.retention.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Storage limitation (UK GDPR Art. 5(1)(e)) as the DSR applies it (DOMAIN.md, issue 16): while the DSR works with a
 * person (on the register, or a referral waiting for its outcome) nothing is archived or erased; once that work has
 * ended (they left the register, or their last referral was declined or withdrawn) the record is archived after
 * {@link RetentionPeriods#archiveAfter()} and erased after {@link RetentionPeriods#eraseAfter()}, both counted from
 * that moment in England's calendar. A person who comes back is brought back out of the archive, and the clock starts
 * again when that new work ends.
 */
public final class RetentionRule {

    /** Months and years are counted on England's calendar, as the DSR's other dates are. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final RetentionPeriods periods;

    public RetentionRule(RetentionPeriods periods) {
        this.periods = Objects.requireNonNull(periods, "periods");
    }

    public RetentionPeriods periods() {
        return periods;
    }

    public RetentionStep stepFor(RetentionFacts facts, Instant now) {
        if (facts.inHand()) {
            return facts.archived() ? RetentionStep.BRING_BACK : RetentionStep.KEEP;
        }
        if (facts.workEndedAt() == null) {
            // Nothing has ended (no referral was ever closed): there is no moment to count from, so keep it; the
            // DSR team sees such a record on its worklists.
            return RetentionStep.KEEP;
        }
        if (!eraseFrom(facts.workEndedAt()).isAfter(now)) {
            return RetentionStep.ERASE;
        }
        if (!facts.archived() && !archiveFrom(facts.workEndedAt()).isAfter(now)) {
            return RetentionStep.ARCHIVE;
        }
        return RetentionStep.KEEP;
    }

    /**
     * Whether a lead may erase the record now on an erasure request (Art. 17): not while the DSR still works with the
     * person. They must first leave the register, or their referral be withdrawn, each with its own reason.
     */
    public boolean mayEraseOnRequest(RetentionFacts facts) {
        return !facts.inHand();
    }

    public Instant archiveFrom(Instant workEndedAt) {
        return ZonedDateTime.ofInstant(workEndedAt, ENGLAND).plus(periods.archiveAfter()).toInstant();
    }

    public Instant eraseFrom(Instant workEndedAt) {
        return ZonedDateTime.ofInstant(workEndedAt, ENGLAND).plus(periods.eraseAfter()).toInstant();
    }

    /**
     * The latest moment work may have ended for a record to be due to be archived now, with a few days to spare (a
     * month counted back is not always a month counted forward): for finding candidates; this rule decides.
     */
    public Instant archiveCandidatesEndedBefore(Instant now) {
        return ZonedDateTime.ofInstant(now, ENGLAND).minus(periods.archiveAfter()).plusDays(4).toInstant();
    }

    /** As {@link #archiveCandidatesEndedBefore}, for erasure. */
    public Instant eraseCandidatesEndedBefore(Instant now) {
        return ZonedDateTime.ofInstant(now, ENGLAND).minus(periods.eraseAfter()).plusDays(4).toInstant();
    }
}
