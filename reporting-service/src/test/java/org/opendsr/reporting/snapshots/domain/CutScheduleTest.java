package org.opendsr.reporting.snapshots.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CutScheduleTest {

    private final CutSchedule anHourAfter = new CutSchedule(Duration.ofHours(1));

    @Test
    void aSummerMonthEndsAtElevenPmUtc() {
        assertThat(anHourAfter.dueAt(YearMonth.of(2026, 6))).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(anHourAfter.isDue(YearMonth.of(2026, 6), Instant.parse("2026-06-30T23:59:59Z"))).isFalse();
    }

    @Test
    void aWinterMonthEndsAtMidnightUtc() {
        assertThat(anHourAfter.dueAt(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2027-01-01T01:00:00Z"));
        assertThat(anHourAfter.isDue(YearMonth.of(2026, 12), Instant.parse("2027-01-01T01:00:00Z"))).isTrue();
    }

    @Test
    void theMonthTheClocksChangeInEndsInTheNewTime() {
        // The clocks go forward on 29 March 2026 and back on 25 October 2026.
        assertThat(anHourAfter.dueAt(YearMonth.of(2026, 3))).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(anHourAfter.dueAt(YearMonth.of(2026, 10))).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
    }

    @Test
    void theMonthInEnglandIsTheLocalOne() {
        assertThat(CutSchedule.monthAt(Instant.parse("2026-08-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 9));
        assertThat(CutSchedule.monthAt(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void aMonthIsNeverCutBeforeItEnds() {
        assertThatThrownBy(() -> new CutSchedule(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCutTakesTheLateFactsOfEveryEarlierMonthAndALiveMonthOnlyThoseOfCutMonths() {
        assertThat(FactWindow.forCut(YearMonth.of(2026, 5), 10, 20).lateArrivedBefore()).contains(YearMonth.of(2026, 5));
        assertThat(FactWindow.live(YearMonth.of(2026, 6), 10, Optional.of(YearMonth.of(2026, 5))).lateArrivedBefore())
                .contains(YearMonth.of(2026, 6));
        assertThat(FactWindow.live(YearMonth.of(2026, 7), 0, Optional.empty()).lateArrivedBefore()).isEmpty();
        assertThat(FactWindow.live(YearMonth.of(2026, 7), 10, Optional.empty()).uptoSeq())
                .isEqualTo(FactWindow.EVERYTHING);
    }

    @Test
    void betweenAMonthEndAndItsCutOnlyTheEarliestOpenMonthTakesTheLateFacts() {
        // May cut; June ended but not cut yet; July open: the late facts (arrived before June) are June's alone.
        Optional<YearMonth> mayCut = Optional.of(YearMonth.of(2026, 5));
        assertThat(FactWindow.live(YearMonth.of(2026, 6), 10, mayCut).lateArrivedBefore())
                .contains(YearMonth.of(2026, 6));
        assertThat(FactWindow.live(YearMonth.of(2026, 7), 10, mayCut).lateArrivedBefore()).isEmpty();
        assertThat(FactWindow.live(YearMonth.of(2026, 8), 10, mayCut).lateArrivedBefore()).isEmpty();
    }
}
