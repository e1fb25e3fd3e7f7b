package org.opendsr.risk.rating.domain;

import java.time.LocalDate;

import org.opendsr.risk.shared.domain.InpatientSetting;

/**
 * Whether the person is an inpatient, since when and where, and after a discharge the day before which their rating
 * may not be lowered from RED (DOMAIN.md: "on discharge they are RED for at least 2 weeks").
 */
public record Admission(boolean inpatient, LocalDate admittedOn, InpatientSetting setting, LocalDate dischargedOn,
                        LocalDate noLoweringBefore) {

    public static final Admission NEVER = new Admission(false, null, null, null, null);

    Admission admitted(LocalDate on) {
        return new Admission(true, on, null, null, null);
    }

    Admission discharged(LocalDate on, int floorDays) {
        return new Admission(false, admittedOn, setting, on, on.plusDays(floorDays));
    }

    Admission in(InpatientSetting where) {
        return new Admission(inpatient, admittedOn, where, dischargedOn, noLoweringBefore);
    }

    /** Whether a discharge still holds the rating at RED on {@code day}. */
    public boolean holdsRedOn(LocalDate day) {
        return !inpatient && noLoweringBefore != null && day.isBefore(noLoweringBefore);
    }
}
