package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;

/**
 * A person as consent-service knows them, from referral-service's events only: an id, whether they are a child,
 * their age band when last referred, the day their turning 18 reached the DSR, and whether they have left the
 * register. Never a name, NHS number, date of birth or address.
 *
 * @param ageBandKnownOn  the day the age band was true (the day of the latest referral)
 * @param turned18On      the day PersonTurned18 arrived, if it has
 * @param leftRegisterOn  the day they were removed from the register, until they are referred again
 * @param leftRegisterBecause why they were removed, while they are off the register
 */
public record KnownPerson(UUID personId, LifeStage lifeStage, AgeBand ageBand, LocalDate ageBandKnownOn,
                          LocalDate turned18On, LocalDate leftRegisterOn, RemovalReason leftRegisterBecause) {

    /** Someone referred for the first time. */
    public static KnownPerson referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, LocalDate on) {
        return new KnownPerson(personId, lifeStage, ageBand, on, null, null, null);
    }

    public KnownPerson {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(lifeStage, "lifeStage");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(ageBandKnownOn, "ageBandKnownOn");
    }

    /** Whether they were a child on a day (up to today): before the 18th birthday that reached the DSR, if any. */
    public boolean isChildOn(LocalDate day) {
        if (turned18On != null) {
            return day.isBefore(turned18On);
        }
        return lifeStage == LifeStage.CHILD;
    }

    /**
     * Whether they were certainly under 16 on a day, from the age band of their latest referral: the Mental
     * Capacity Act 2005 applies from 16, so neither a best-interests decision nor a deputy can consent for them.
     * Someone at most A years old when referred is still under 16 for another 15 - A years.
     */
    public boolean certainlyUnder16On(LocalDate day) {
        if (!isChildOn(day)) {
            return false;
        }
        int oldestInBand = switch (ageBand) {
            case AGE_0_TO_9 -> 9;
            case AGE_10_TO_13 -> 13;
            default -> -1;
        };
        return oldestInBand >= 0 && !day.isAfter(ageBandKnownOn.plusYears(15 - oldestInBand));
    }

    /** Removed from the register and not referred again since: no reminders and no worklist entries. */
    public boolean hasLeftTheRegister() {
        return leftRegisterOn != null;
    }

    /** A new referral: the person is known again with a current age band, and is no longer off the register. */
    public KnownPerson referredAgain(LifeStage stage, AgeBand band, LocalDate on) {
        LifeStage current = turned18On != null ? LifeStage.ADULT : stage;
        return new KnownPerson(personId, current, band, on, turned18On, null, null);
    }

    public KnownPerson turned18(LocalDate on) {
        return new KnownPerson(personId, LifeStage.ADULT, ageBand, ageBandKnownOn, turned18On != null ? turned18On : on,
                leftRegisterOn, leftRegisterBecause);
    }

    public KnownPerson leftTheRegister(LocalDate on, RemovalReason because) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, turned18On, on, because);
    }
}
