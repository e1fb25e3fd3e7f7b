package org.opendsr.referral.person.domain;

import java.time.LocalDate;
import java.time.Period;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;

/**
 * A person's age on a date, and what may leave referral-service instead of the date of birth: the age band, whether
 * they are a child or an adult, and whether they are under 16 (the band 14-17 straddles 16, where the Mental Capacity
 * Act 2005 starts to apply).
 */
public record AgeAtDate(int years) {

    public AgeAtDate {
        if (years < 0) {
            throw new IllegalArgumentException("born after the date");
        }
    }

    public static AgeAtDate of(LocalDate dateOfBirth, LocalDate on) {
        // Period.between rounds a birth less than a year after the date to 0 years: check the dates themselves.
        if (dateOfBirth.isAfter(on)) {
            throw new IllegalArgumentException("born after the date");
        }
        return new AgeAtDate(Period.between(dateOfBirth, on).getYears());
    }

    public AgeBand band() {
        return AgeBand.atAge(years);
    }

    /** The Mental Capacity Act 2005 applies from 16: before it, nobody can consent for them under it. */
    public boolean isUnder16() {
        return years < 16;
    }

    public LifeStage lifeStage() {
        return LifeStage.atAge(years);
    }
}
