package org.opendsr.referral.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** DOMAIN.md, issue 16: archive 6 months and erase 6 years after the DSR's work with the person ended. */
class RetentionRuleTest {

    private final RetentionRule rule = new RetentionRule(RetentionPeriods.DSR_POLICY);

    private static Instant inEngland(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(RetentionRule.ENGLAND).toInstant();
    }

    private static RetentionFacts ended(String when) {
        return new RetentionFacts(UUID.randomUUID(), false, false, inEngland(when), null);
    }

    private static RetentionFacts archived(String ended, String archivedAt) {
        return new RetentionFacts(UUID.randomUUID(), false, false, inEngland(ended), inEngland(archivedAt));
    }

    @Test
    void aRecordIsKeptAsItIsForSixMonthsAfterTheLastReferralWasDeclinedOrWithdrawnOrThePersonLeftTheRegister() {
        RetentionFacts facts = ended("2026-01-15T10:00");

        assertThat(rule.stepFor(facts, inEngland("2026-07-15T09:59"))).isEqualTo(RetentionStep.KEEP);
        assertThat(rule.stepFor(facts, inEngland("2026-07-15T10:00"))).isEqualTo(RetentionStep.ARCHIVE);
    }

    @Test
    void monthsAreCountedOnEnglandsCalendarAcrossTheClockChange() {
        // 6 months after 10:00 on 15 January (GMT) is 10:00 on 15 July (BST), not 24 * 181 hours later.
        assertThat(rule.archiveFrom(inEngland("2026-01-15T10:00"))).isEqualTo(inEngland("2026-07-15T10:00"));
        // 31 August + 6 months is the last day of February.
        assertThat(rule.archiveFrom(inEngland("2025-08-31T12:00"))).isEqualTo(inEngland("2026-02-28T12:00"));
    }

    @Test
    void anArchivedRecordStaysArchivedUntilSixYearsAfterThenIsErased() {
        RetentionFacts facts = archived("2020-03-01T09:00", "2020-09-01T09:00");

        assertThat(rule.stepFor(facts, inEngland("2026-02-28T23:59"))).isEqualTo(RetentionStep.KEEP);
        assertThat(rule.stepFor(facts, inEngland("2026-03-01T09:00"))).isEqualTo(RetentionStep.ERASE);
    }

    @Test
    void aRecordNobodyArchivedInTimeIsStillErasedAtSixYears() {
        // A run missed for years (or a shorter archive period set late) does not keep the record longer.
        assertThat(rule.stepFor(ended("2019-05-01T12:00"), inEngland("2026-05-01T12:00")))
                .isEqualTo(RetentionStep.ERASE);
    }

    @Test
    void nothingIsArchivedOrErasedWhileThePersonIsOnTheRegisterOrAReferralWaitsForItsOutcome() {
        Instant longAfter = inEngland("2040-01-01T00:00");
        Instant ended = inEngland("2020-01-01T00:00");

        assertThat(rule.stepFor(new RetentionFacts(UUID.randomUUID(), true, false, ended, null), longAfter))
                .isEqualTo(RetentionStep.KEEP);
        assertThat(rule.stepFor(new RetentionFacts(UUID.randomUUID(), false, true, ended, null), longAfter))
                .isEqualTo(RetentionStep.KEEP);
    }

    @Test
    void anArchivedPersonWhoComesBackIsBroughtBackOutOfTheArchive() {
        Instant archivedAt = inEngland("2025-07-01T00:00");
        Instant ended = inEngland("2025-01-01T00:00");
        Instant now = inEngland("2026-01-01T00:00");

        assertThat(rule.stepFor(new RetentionFacts(UUID.randomUUID(), false, true, ended, archivedAt), now))
                .as("a new referral").isEqualTo(RetentionStep.BRING_BACK);
        assertThat(rule.stepFor(new RetentionFacts(UUID.randomUUID(), true, false, ended, archivedAt), now))
                .as("back on the register").isEqualTo(RetentionStep.BRING_BACK);
    }

    @Test
    void aRecordWhoseWorkNeverEndedHasNoMomentToCountFromAndIsKept() {
        assertThat(rule.stepFor(new RetentionFacts(UUID.randomUUID(), false, false, null, null),
                inEngland("2040-01-01T00:00"))).isEqualTo(RetentionStep.KEEP);
    }

    @Test
    void anArchivedRecordIsNotArchivedAgain() {
        assertThat(rule.stepFor(archived("2025-01-01T00:00", "2025-07-01T00:00"), inEngland("2026-01-01T00:00")))
                .isEqualTo(RetentionStep.KEEP);
    }

    @Test
    void aLeadMayEraseOnRequestOnlyOnceTheDsrNoLongerWorksWithThePerson() {
        assertThat(rule.mayEraseOnRequest(ended("2026-01-01T00:00"))).isTrue();
        assertThat(rule.mayEraseOnRequest(new RetentionFacts(UUID.randomUUID(), true, false, null, null))).isFalse();
        assertThat(rule.mayEraseOnRequest(new RetentionFacts(UUID.randomUUID(), false, true, null, null))).isFalse();
    }

    @Test
    void theCandidateCutoffsLeaveNobodyDueOut() {
        // The SQL pre-filter is looser than the rule by a few days: whoever the rule says is due is found.
        Instant now = inEngland("2026-02-28T12:00");
        Instant endedOn31August = inEngland("2025-08-31T12:00");
        assertThat(rule.stepFor(ended("2025-08-31T12:00"), now)).isEqualTo(RetentionStep.ARCHIVE);
        assertThat(endedOn31August).isBefore(rule.archiveCandidatesEndedBefore(now));
        assertThat(inEngland("2020-02-28T12:00")).isBefore(rule.eraseCandidatesEndedBefore(now));
    }

    @Test
    void periodsAreConfigurableButARecordIsArchivedBeforeItIsErased() {
        RetentionRule shorter = new RetentionRule(new RetentionPeriods(Period.ofMonths(1), Period.ofYears(1)));
        assertThat(shorter.stepFor(ended("2026-01-01T00:00"), inEngland("2026-02-01T00:00")))
                .isEqualTo(RetentionStep.ARCHIVE);
        assertThatThrownBy(() -> new RetentionPeriods(Period.ofYears(2), Period.ofYears(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("archived before it is erased");
    }
}
