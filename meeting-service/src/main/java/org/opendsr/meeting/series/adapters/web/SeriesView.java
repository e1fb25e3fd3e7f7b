package org.opendsr.meeting.series.adapters.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.meeting.series.domain.BankHolidayRule;
import org.opendsr.meeting.series.domain.SeriesTerms;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;

@Serdeable
@Schema(name = "TrackingSeries", description = "An area's tracking meetings: every intervalWeeks weeks on dayOfWeek "
        + "from firstMeetingOn, at startTime UK time")
public record SeriesView(UUID seriesId, String area, DayOfWeek dayOfWeek, int intervalWeeks, String startTime,
                         int durationMinutes, LocalDate firstMeetingOn, String onlineLink,
                         BankHolidayRule bankHolidayRule, boolean active) {

    static SeriesView of(TrackingMeetingSeries series) {
        SeriesTerms t = series.terms();
        return new SeriesView(series.id(), series.area(), t.day(), t.intervalWeeks(), t.startsAt().toString(),
                (int) t.duration().toMinutes(), t.firstMeetingOn(), t.onlineLink(), t.bankHolidayRule(),
                series.active());
    }
}
