package org.opendsr.contracts.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Age bands used on events and in reporting instead of a date of birth. The bands split at 18 (child /
 * adult) and at 25 (the children and young people's keyworker service takes people up to their 25th
 * birthday), so both rules can be applied without knowing the exact age.
 *
 * <p>They do not split at 16, where the Mental Capacity Act 2005 starts to apply: {@link #AGE_14_TO_17} straddles it.
 * Rather than a new band (old values are on topics and in stores, and reporting's categories would change mid-series),
 * a referral carries {@code under16} and referral-service announces {@code dsr.person.turned-16.v1}; a consumer with
 * neither takes a band that {@link #straddles16()} as possibly under 16.
 */
@Serdeable
public enum AgeBand {
    AGE_0_TO_9(0, 9),
    AGE_10_TO_13(10, 13),
    AGE_14_TO_17(14, 17),
    AGE_18_TO_24(18, 24),
    AGE_25_TO_34(25, 34),
    AGE_35_TO_49(35, 49),
    AGE_50_TO_64(50, 64),
    AGE_65_AND_OVER(65, Integer.MAX_VALUE);

    private final int fromYears;
    private final int toYears;

    AgeBand(int fromYears, int toYears) {
        this.fromYears = fromYears;
        this.toYears = toYears;
    }

    public static AgeBand atAge(int years) {
        if (years < 0) {
            throw new IllegalArgumentException("age cannot be negative");
        }
        for (AgeBand band : values()) {
            if (years >= band.fromYears && years <= band.toYears) {
                return band;
            }
        }
        throw new IllegalStateException("no band for age " + years);
    }

    /** The youngest age in the band, in whole years. */
    public int fromYears() {
        return fromYears;
    }

    /** True when everyone in the band is under 16: the Mental Capacity Act 2005 applies to none of them. */
    public boolean isUnder16() {
        return toYears < 16;
    }

    /** True when the band holds both people under 16 and people of 16 or more: the band alone cannot say which. */
    public boolean straddles16() {
        return fromYears < 16 && toYears >= 16;
    }

    /** True when everyone in the band is under 25, the keyworker service's upper limit. */
    public boolean isUnder25() {
        return toYears < 25;
    }
}
