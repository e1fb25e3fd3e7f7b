package org.opendsr.referral.admissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/** An admission report the DSR team resolves once: referred (with the referral) or closed (with a reason). */
class AdmissionReportTest {

    private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");

    private static AdmissionReport open() {
        return AdmissionReport.received(UUID.randomUUID(), "9990000026", LocalDate.parse("2008-09-01"),
                LocalDate.parse("2026-11-20"), "  ", "/agency/wiltshire-council", NOW, null, false, "WILTSHIRE");
    }

    @Test
    void aReportComesInOpenAndWithoutABlankHospital() {
        AdmissionReport report = open();

        assertThat(report.isOpen()).isTrue();
        assertThat(report.hospital()).isNull();
        assertThat(report.toString()).doesNotContain("9990000026").doesNotContain("2008-09-01");
    }

    @Test
    void nobodyIsAdmittedBeforeTheyAreBorn() {
        assertThatThrownBy(() -> AdmissionReport.received(UUID.randomUUID(), "9990000026",
                LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-20"), null, "/agency/wiltshire-council", NOW,
                null, false, null))
                .isInstanceOf(RuleBroken.class).hasMessage("must be on or before admittedOn");
        AdmissionReport.checkDates(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20"));
    }

    @Test
    void referredLinksTheReferralAndItsPerson() {
        UUID referralId = UUID.randomUUID();
        UUID personId = UUID.randomUUID();

        AdmissionReport referred = open().referred(referralId, personId, "dsr-team", NOW);

        assertThat(referred.isOpen()).isFalse();
        assertThat(referred.resolution().outcome()).isEqualTo(AdmissionReport.Outcome.REFERRED);
        assertThat(referred.resolution().referralId()).isEqualTo(referralId);
        assertThat(referred.personId()).isEqualTo(personId);
    }

    @Test
    void closedNeedsAReason() {
        assertThatThrownBy(() -> open().closed(" ", "dsr-team", NOW)).isInstanceOf(RuleBroken.class)
                .hasMessage("must not be blank");
        AdmissionReport closed = open().closed(" Reported in error ", "dsr-team", NOW);

        assertThat(closed.resolution().outcome()).isEqualTo(AdmissionReport.Outcome.CLOSED);
        assertThat(closed.resolution().reason()).isEqualTo("Reported in error");
        assertThat(closed.resolution().toString()).doesNotContain("error");
    }

    @Test
    void aReportIsResolvedOnce() {
        AdmissionReport closed = open().closed("Reported in error", "dsr-team", NOW);

        assertThatThrownBy(() -> closed.closed("Again", "dsr-lead", NOW)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("already closed");
        assertThatThrownBy(() -> closed.referred(UUID.randomUUID(), UUID.randomUUID(), "dsr-lead", NOW))
                .isInstanceOf(RuleBroken.class);
    }
}
