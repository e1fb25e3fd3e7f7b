package org.opendsr.referral.retention.domain;

import java.time.Period;
import java.util.Objects;

/**
 * How long referral-service keeps a person's record once the DSR's work with them has ended (DOMAIN.md, issue 16):
 * archived {@code archiveAfter} (6 months) and erased {@code eraseAfter} (6 years) after that moment. Periods, not
 * durations: the policy counts months and years, as a person would.
 */
public record RetentionPeriods(Period archiveAfter, Period eraseAfter) {

    public static final RetentionPeriods DSR_POLICY = new RetentionPeriods(Period.ofMonths(6), Period.ofYears(6));

    public RetentionPeriods {
        Objects.requireNonNull(archiveAfter, "archiveAfter");
        Objects.requireNonNull(eraseAfter, "eraseAfter");
        if (archiveAfter.isNegative() || eraseAfter.isNegative()) {
            throw new IllegalArgumentException("retention periods must not be negative");
        }
        // Erasing before archiving would skip the period in which a returning person's record is still there.
        if (toMonths(eraseAfter) < toMonths(archiveAfter)) {
            throw new IllegalArgumentException("a record must be archived before it is erased: erase-after ("
                    + eraseAfter + ") is shorter than archive-after (" + archiveAfter + ")");
        }
    }

    private static long toMonths(Period period) {
        return period.toTotalMonths() + (period.getDays() > 0 ? 1 : 0);
    }
}
