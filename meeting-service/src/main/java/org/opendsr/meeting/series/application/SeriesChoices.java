package org.opendsr.meeting.series.application;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.meeting.series.domain.BankHolidayRule;

/**
 * What a request says about a series' terms: each one left out keeps what the series has (or, for a new series, the
 * configured default, {@link SeriesSettings}).
 */
public record SeriesChoices(
        @Nullable DayOfWeek day,
        @Nullable Integer intervalWeeks,
        @Nullable LocalTime startTime,
        @Nullable Duration duration,
        @Nullable LocalDate firstMeetingOn,
        @Nullable String onlineLink,
        @Nullable BankHolidayRule bankHolidayRule,
        @Nullable Boolean active) {
}
