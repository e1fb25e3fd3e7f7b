package org.opendsr.reporting.publishing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NHS Digital's small-number disclosure control for every published figure below national level: 0 stays 0,
 * counts from 1 up to the threshold (7) are suppressed and shown as {@code *}, larger counts are rounded to the
 * nearest 5. Applied to each published cell on its own, totals included, so no figure can be worked back from
 * the others.
 */
public final class DisclosureControl {

    public static final String SUPPRESSED = "*";

    private final int suppressUpTo;
    private final int roundToNearest;

    public DisclosureControl(int suppressUpTo, int roundToNearest) {
        if (suppressUpTo < 0 || roundToNearest < 1) {
            throw new IllegalArgumentException("threshold must be >= 0 and rounding base >= 1");
        }
        if (2 * suppressUpTo < roundToNearest) {
            // Otherwise a small published count could round to "0", which must mean none at all.
            throw new IllegalArgumentException("the threshold must be at least half the rounding base");
        }
        this.suppressUpTo = suppressUpTo;
        this.roundToNearest = roundToNearest;
    }

    /** NHS Digital's rule, and the weakest the DSR may publish under: 1 to 7 suppressed, rounded to the nearest 5. */
    public static final int NHS_SUPPRESS_UP_TO = 7;
    public static final int NHS_ROUND_TO_NEAREST = 5;

    public static DisclosureControl nhsDigitalDefault() {
        return new DisclosureControl(NHS_SUPPRESS_UP_TO, NHS_ROUND_TO_NEAREST);
    }

    /**
     * The control an ICB configured: the NHS rule or stricter (a higher threshold, a coarser rounding), never weaker.
     * A weaker setting is refused with a message saying what to change, so the service does not start with it.
     */
    public static DisclosureControl configured(int suppressUpTo, int roundToNearest) {
        if (suppressUpTo < NHS_SUPPRESS_UP_TO || roundToNearest < NHS_ROUND_TO_NEAREST) {
            throw new IllegalArgumentException("Disclosure control is weaker than the NHS rule: dsr.reporting.disclosure"
                    + ".suppress-up-to is " + suppressUpTo + " (at least " + NHS_SUPPRESS_UP_TO + ") and "
                    + "round-to-nearest is " + roundToNearest + " (at least " + NHS_ROUND_TO_NEAREST + "). It may be "
                    + "made stricter, never weaker: small numbers could identify people.");
        }
        return new DisclosureControl(suppressUpTo, roundToNearest);
    }

    /** The figure as it may be published. */
    public String publish(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative");
        }
        if (count == 0) {
            return "0";
        }
        if (count <= suppressUpTo) {
            return SUPPRESSED;
        }
        long rounded = Math.round((double) count / roundToNearest) * roundToNearest;
        return Long.toString(rounded);
    }

    /**
     * Whether a count is large enough for figures worked out from it alone (an average, a longest) to be published:
     * above the suppression threshold (8 or more under the NHS rule).
     */
    public boolean allowsDetailOf(long count) {
        return count > suppressUpTo;
    }

    /**
     * The longest time of a cell (in days) as it may be published: rounded to the nearest rounding base (5), and never
     * to 0 when it is positive (1 to 2 days are shown as 5). Published exact, a longest gives one person's exact
     * join (or referral) day away: a total's longest above every published category's longest belongs to someone in
     * a suppressed category. Only where {@link #allowsDetailOf(long)} the cell's count.
     */
    public String publishLongest(long days) {
        if (days < 0) {
            throw new IllegalArgumentException("days cannot be negative");
        }
        if (days == 0) {
            return "0";
        }
        long rounded = Math.round((double) days / roundToNearest) * roundToNearest;
        return Long.toString(Math.max(rounded, roundToNearest));
    }

    /**
     * The average time of a cell (in days) as it may be published: whole days (half up). Only where
     * {@link #allowsDetailOf(long)} the cell's count.
     */
    public String publishAverage(long sumDays, long count) {
        if (count <= 0 || sumDays < 0) {
            throw new IllegalArgumentException("an average needs a positive count and days");
        }
        return BigDecimal.valueOf(sumDays)
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).toPlainString();
    }

    /** How the figures were protected, in words, for whoever reads the report. */
    public String describe() {
        return "NHS Digital disclosure control: 0 is shown as 0, 1 to " + suppressUpTo + " as " + SUPPRESSED
                + ", other counts rounded to the nearest " + roundToNearest + "; times in days are shown only where "
                + (suppressUpTo + 1) + " or more were measured, the average in whole days and the longest rounded to "
                + "the nearest " + roundToNearest + " days (at least " + roundToNearest + ")";
    }
}
