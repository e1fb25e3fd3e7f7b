package org.opendsr.meeting.shared.domain;

import java.time.LocalDate;
import java.time.YearMonth;

import org.opendsr.contracts.common.LifeStage;

/**
 * Child or adult on a day, for someone whose month of turning 18 referral-service announced (two months ahead, on the
 * first of the month: {@code dsr.person.turning-18.v1}). Only the month is known, never the birthday, so they count
 * as a child to the end of it and as an adult from the first day of the next: never an adult before they can be 18.
 * C(E)TR is the children's review, CTR the adults' (DOMAIN.md); risk-service, which decides which review and cadence
 * a person is owed, counts the same way. consent-service, for which the safe side is the other one (a parent's consent
 * must not outlive the 18th birthday), treats them as an adult for consent from the first day of that month.
 */
public final class TurningEighteen {

    private TurningEighteen() {
    }

    /** The first day on which someone turning 18 in {@code month} counts as an adult: the 1st of the next month. */
    public static LocalDate adultFrom(YearMonth month) {
        return month.plusMonths(1).atDay(1);
    }

    /**
     * @param asKnown   the life stage the latest referral (or the retired day-precise announcement) gave; null when
     *                  no referral has been seen
     * @param turns18In the announced month, or null
     * @return the life stage on {@code day}; null when neither is known
     */
    public static LifeStage lifeStageOn(LifeStage asKnown, YearMonth turns18In, LocalDate day) {
        if (asKnown == LifeStage.ADULT) {
            return LifeStage.ADULT;
        }
        if (turns18In != null) {
            return day.isBefore(adultFrom(turns18In)) ? LifeStage.CHILD : LifeStage.ADULT;
        }
        return asKnown;
    }
}
