package org.opendsr.risk.obligations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** The timescales' defaults (NHSE DSR and C(E)TR policy 2023, local choices where it gives no number). */
class ObligationTimescalesTest {

    private final ObligationTimescales defaults = ObligationTimescales.nhsEnglandDefaults();

    @Test
    void theDefaultsAreThePolicysNumbers() {
        assertThat(defaults.communityCtr()).isEqualTo(Period.ofDays(14));
        assertThat(defaults.postAdmissionCtr(LifeStage.CHILD)).isEqualTo(Period.ofDays(14));
        assertThat(defaults.postAdmissionCtr(LifeStage.ADULT)).isEqualTo(Period.ofDays(28));
        assertThat(defaults.inpatientCtr(LifeStage.CHILD, null)).isEqualTo(Period.ofMonths(3));
        assertThat(defaults.inpatientCtr(LifeStage.ADULT, null)).isEqualTo(Period.ofMonths(6));
        assertThat(defaults.inpatientCtr(LifeStage.ADULT, InpatientSetting.MENTAL_HEALTH_HOSPITAL))
                .isEqualTo(Period.ofMonths(6));
        assertThat(defaults.inpatientCtr(LifeStage.ADULT, InpatientSetting.SECURE)).isEqualTo(Period.ofMonths(12));
        assertThat(defaults.oversightVisit(LifeStage.CHILD)).isEqualTo(Period.parse("P6W"));
        assertThat(defaults.oversightVisit(LifeStage.ADULT)).isEqualTo(Period.parse("P8W"));
    }

    @Test
    void aPeriodMustBePositive() {
        for (String bad : new String[] {"P0D", "P-1D", "P1M-5D"}) {
            assertThatThrownBy(() -> new ObligationTimescales(Period.parse(bad), defaults.multiAgencyReview(),
                    defaults.ctrPartners(), defaults.postAdmissionChild(), defaults.postAdmissionAdult(),
                    defaults.inpatientChild(), defaults.inpatientAdult(), defaults.inpatientSecure(),
                    defaults.oversightVisitChild(), defaults.oversightVisitAdult(), defaults.keyworkerReferral()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("community-ctr");
        }
    }
}
