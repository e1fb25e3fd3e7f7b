package org.opendsr.meeting.series.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.HttpsLink;

/**
 * When and where an area's tracking meetings take place: every {@code intervalWeeks} weeks on {@code day}, from the
 * first meeting on {@code firstMeetingOn}, at {@code startsAt} UK wall-clock time (the same 10:00 in GMT and BST), for
 * {@code duration}, online at {@code onlineLink}. Each rule refuses naming the request's field.
 */
public record SeriesTerms(
        DayOfWeek day,
        int intervalWeeks,
        LocalTime startsAt,
        Duration duration,
        LocalDate firstMeetingOn,
        String onlineLink,
        BankHolidayRule bankHolidayRule) {

    public static final int MAX_INTERVAL_WEEKS = 8;
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofHours(8);

    public SeriesTerms {
        if (day == null) {
            throw RuleBroken.invalid("dayOfWeek", "is required");
        }
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            throw RuleBroken.invalid("dayOfWeek", "must be MONDAY to FRIDAY: tracking meetings are on working days");
        }
        if (intervalWeeks < 1 || intervalWeeks > MAX_INTERVAL_WEEKS) {
            throw RuleBroken.invalid("intervalWeeks", "must be 1 to " + MAX_INTERVAL_WEEKS);
        }
        if (startsAt == null) {
            throw RuleBroken.invalid("startTime", "is required");
        }
        if (duration == null || duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw RuleBroken.invalid("durationMinutes", "must be 15 to 480 minutes");
        }
        if (!startsAt.plus(duration).isAfter(startsAt)) {
            throw RuleBroken.invalid("durationMinutes", "must end the meeting on the day it starts");
        }
        if (firstMeetingOn == null) {
            throw RuleBroken.invalid("firstMeetingOn", "is required");
        }
        if (firstMeetingOn.getDayOfWeek() != day) {
            throw RuleBroken.invalid("firstMeetingOn", "must be a " + day + " (the series' day)");
        }
        onlineLink = checkedLink(onlineLink);
        bankHolidayRule = Objects.requireNonNullElse(bankHolidayRule, BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);
    }

    /** The first day on or after {@code day} that is a {@code dayOfWeek}: where a new series starts by default. */
    public static LocalDate firstOnOrAfter(LocalDate day, DayOfWeek dayOfWeek) {
        return day.plusDays(Math.floorMod(dayOfWeek.getValue() - day.getDayOfWeek().getValue(), 7));
    }

    /** Tracking meetings are online: a link people can open safely, by meeting-service's one https rule. */
    public static String checkedLink(String link) {
        if (link == null || link.isBlank()) {
            throw RuleBroken.invalid("onlineLink", "is required: tracking meetings are online");
        }
        return HttpsLink.checked("onlineLink", link);
    }
}
