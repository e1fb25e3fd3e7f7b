package org.opendsr.meeting.outcomes.application;

import java.time.LocalDate;

/**
 * When the referrer's feedback on a meeting is due: a number of working days after the meeting's day
 * ({@code dsr.meeting.outcomes.feedback-working-days}, 2 by default), on the kit's England and Wales calendar.
 */
public interface FeedbackCalendar {

    LocalDate feedbackDueAfter(LocalDate meetingDay);
}
