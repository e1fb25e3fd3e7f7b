package org.opendsr.referral.register.domain;

import java.time.LocalDate;
import java.time.Month;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * The day a person becomes an adult. Consent given for a child (or by parental responsibility) must be renewed then,
 * so referral-service tells consent-service, which never holds a date of birth. Someone born on 29 February turns
 * 18 on 1 March in a common year (as {@link AgeAtDate} counts it).
 */
public final class EighteenthBirthday {

    private EighteenthBirthday() {
    }

    public static LocalDate of(LocalDate dateOfBirth) {
        LocalDate birthday = dateOfBirth.plusYears(18);
        if (dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29
                && birthday.getDayOfMonth() == 28) {
            return birthday.plusDays(1);
        }
        return birthday;
    }

    /**
     * True when the person turned 18 while known to the DSR: after the day they were first recorded (someone referred
     * as an adult gave consent as an adult) and on or before today (a missed day is caught up later).
     */
    public static boolean reachedWhileKnown(LocalDate dateOfBirth, LocalDate firstRecordedOn, LocalDate today) {
        LocalDate birthday = of(dateOfBirth);
        return birthday.isAfter(firstRecordedOn) && !birthday.isAfter(today);
    }
}
