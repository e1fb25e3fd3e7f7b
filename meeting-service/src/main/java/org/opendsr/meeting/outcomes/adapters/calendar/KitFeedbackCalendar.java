package org.opendsr.meeting.outcomes.adapters.calendar;

import java.time.LocalDate;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.outcomes.application.FeedbackCalendar;

/**
 * The referrer's feedback is due {@code dsr.meeting.outcomes.feedback-working-days} working days after the meeting's
 * day (2 by default: DOMAIN.md "feedback to the referrer after the meeting (e.g. within 2 working days)"), on the kit's
 * England and Wales calendar, the same bank holidays referral-service counts by.
 */
@Singleton
class KitFeedbackCalendar implements FeedbackCalendar {

    private final WorkingDayCalendars calendars;
    private final int workingDays;

    KitFeedbackCalendar(WorkingDayCalendars calendars,
                        @Value("${dsr.meeting.outcomes.feedback-working-days:2}") int workingDays) {
        if (workingDays < 1) {
            throw RuleBroken.invalid("dsr.meeting.outcomes.feedback-working-days", "must be at least 1");
        }
        this.calendars = calendars;
        this.workingDays = workingDays;
    }

    @Override
    public LocalDate feedbackDueAfter(LocalDate meetingDay) {
        return calendars.current().workingDaysAfter(meetingDay, workingDays);
    }
}
