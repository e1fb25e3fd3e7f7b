package org.opendsr.testclock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.Test;

/**
 * Moving the test clock by calendar days keeps the date right across the nights the clocks change in England
 * (last Sunday of March: a 23-hour day; last Sunday of October: a 25-hour day), even close to midnight, where
 * 24-hour steps land on the wrong day.
 */
class MovableClockTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private static LocalDate lastSundayOf(int year, int month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    }

    private static MovableClock startingAt(LocalDateTime inEngland) {
        return MovableClock.over(Clock.fixed(inEngland.atZone(ENGLAND).toInstant(), ZoneOffset.UTC));
    }

    private static LocalDateTime inEngland(MovableClock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ENGLAND);
    }

    @Test
    void aDayOnFromJustAfterMidnightBeforeTheClocksGoBackIsTheNextDayAtTheSameTime() {
        LocalDate clocksGoBack = lastSundayOf(2026, 10);
        MovableClock clock = startingAt(clocksGoBack.atTime(0, 30));

        clock.advance(Period.ofDays(1));

        assertThat(inEngland(clock)).isEqualTo(clocksGoBack.plusDays(1).atTime(0, 30));
    }

    @Test
    void twentyFourHoursOnFromThereIsStillTheSameDay() {
        LocalDate clocksGoBack = lastSundayOf(2026, 10);
        MovableClock clock = startingAt(clocksGoBack.atTime(0, 30));

        clock.advance(Duration.ofHours(24));

        assertThat(inEngland(clock)).isEqualTo(clocksGoBack.atTime(23, 30));
    }

    @Test
    void aDayOnFromJustBeforeMidnightBeforeTheClocksGoForwardIsTheNextDayAtTheSameTime() {
        LocalDate clocksGoForward = lastSundayOf(2027, 3);
        MovableClock clock = startingAt(clocksGoForward.minusDays(1).atTime(23, 30));

        clock.advance(Period.ofDays(1));

        assertThat(inEngland(clock)).isEqualTo(clocksGoForward.atTime(23, 30));
    }

    @Test
    void manyDaysAcrossBothClockChangesLandOnTheRightDayAndTime() {
        MovableClock clock = startingAt(LocalDate.of(2026, 11, 25).atTime(23, 45));

        clock.advance(Period.ofDays(335));
        assertThat(inEngland(clock)).isEqualTo(LocalDate.of(2027, 10, 26).atTime(23, 45));

        clock.advance(Period.ofDays(30));
        assertThat(inEngland(clock)).isEqualTo(LocalDate.of(2027, 11, 25).atTime(23, 45));
    }

    @Test
    void aTimeTheClocksSkipBecomesTheHourAfter() {
        LocalDate clocksGoForward = lastSundayOf(2027, 3);
        MovableClock clock = startingAt(clocksGoForward.minusDays(1).atTime(1, 30));

        clock.advance(Period.ofDays(1));

        assertThat(inEngland(clock)).isEqualTo(clocksGoForward.atTime(LocalTime.of(2, 30)));
    }

    @Test
    void everyReaderSeesTheMove() {
        MovableClock clock = startingAt(LocalDate.of(2026, 11, 25).atTime(12, 0));
        Clock inUtc = clock.withZone(ZoneOffset.UTC);

        clock.advance(Period.ofDays(2));

        assertThat(inUtc.instant()).isEqualTo(clock.instant());
        assertThat(LocalDate.ofInstant(inUtc.instant(), ENGLAND)).isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
