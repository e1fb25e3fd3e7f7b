package org.opendsr.meeting.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.LifeStage;

/** Child or adult on a day, knowing only the month of the 18th birthday (DOMAIN.md: C(E)TR under 18, CTR adults). */
class TurningEighteenTest {

    private static final YearMonth FEBRUARY_2027 = YearMonth.of(2027, 2);

    @Test
    void aChildToTheEndOfTheBirthdayMonthForTheBirthdayMayStillBeToCome() {
        assertThat(TurningEighteen.lifeStageOn(LifeStage.CHILD, FEBRUARY_2027, LocalDate.of(2026, 12, 1)))
                .isEqualTo(LifeStage.CHILD);
        assertThat(TurningEighteen.lifeStageOn(LifeStage.CHILD, FEBRUARY_2027, LocalDate.of(2027, 2, 28)))
                .isEqualTo(LifeStage.CHILD);
    }

    @Test
    void anAdultFromTheFirstDayOfTheNextMonth() {
        assertThat(TurningEighteen.adultFrom(FEBRUARY_2027)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(TurningEighteen.lifeStageOn(LifeStage.CHILD, FEBRUARY_2027, LocalDate.of(2027, 3, 1)))
                .isEqualTo(LifeStage.ADULT);
        assertThat(TurningEighteen.adultFrom(YearMonth.of(2027, 12))).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void withoutAnAnnouncementTheReferralsLifeStageHoldsAndAnAdultStaysOne() {
        assertThat(TurningEighteen.lifeStageOn(LifeStage.CHILD, null, LocalDate.of(2030, 1, 1)))
                .isEqualTo(LifeStage.CHILD);
        assertThat(TurningEighteen.lifeStageOn(LifeStage.ADULT, FEBRUARY_2027, LocalDate.of(2026, 12, 1)))
                .isEqualTo(LifeStage.ADULT);
        assertThat(TurningEighteen.lifeStageOn(null, null, LocalDate.of(2026, 12, 1))).isNull();
    }
}
