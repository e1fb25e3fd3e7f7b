package org.opendsr.meeting.series.application;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opendsr.meeting.series.domain.BankHolidayRule;

/**
 * The defaults a new series takes when the request leaves a term out ({@code dsr.meeting.series.*}; DOMAIN.md:
 * fortnightly on Thursdays), and how far ahead every active series keeps its meetings scheduled. Read at start-up:
 * a wrong value stops the service rather than making a wrong series later.
 */
@Singleton
public class SeriesSettings {

    private final DayOfWeek day;
    private final int intervalWeeks;
    private final LocalTime startTime;
    private final Duration duration;
    private final String onlineLink;
    private final BankHolidayRule bankHolidayRule;
    private final int weeksAhead;

    SeriesSettings(@Value("${dsr.meeting.series.day-of-week:THURSDAY}") DayOfWeek day,
                   @Value("${dsr.meeting.series.interval-weeks:2}") int intervalWeeks,
                   @Value("${dsr.meeting.series.start-time:10:00}") String startTime,
                   @Value("${dsr.meeting.series.duration-minutes:90}") int durationMinutes,
                   @Value("${dsr.meeting.series.online-link:`https://meet.dsr.opendsr.org/tracking`}") String onlineLink,
                   @Value("${dsr.meeting.series.bank-holiday-rule:MOVE_TO_NEXT_WORKING_DAY}") BankHolidayRule rule,
                   @Value("${dsr.meeting.series.weeks-ahead:8}") int weeksAhead) {
        if (weeksAhead < 1 || weeksAhead > 52) {
            throw new IllegalStateException("dsr.meeting.series.weeks-ahead must be 1 to 52");
        }
        this.day = day;
        this.intervalWeeks = intervalWeeks;
        this.startTime = LocalTime.parse(startTime);
        this.duration = Duration.ofMinutes(durationMinutes);
        this.onlineLink = onlineLink;
        this.bankHolidayRule = rule;
        this.weeksAhead = weeksAhead;
    }

    public DayOfWeek day() {
        return day;
    }

    public int intervalWeeks() {
        return intervalWeeks;
    }

    public LocalTime startTime() {
        return startTime;
    }

    public Duration duration() {
        return duration;
    }

    public String onlineLink() {
        return onlineLink;
    }

    public BankHolidayRule bankHolidayRule() {
        return bankHolidayRule;
    }

    public int weeksAhead() {
        return weeksAhead;
    }
}
