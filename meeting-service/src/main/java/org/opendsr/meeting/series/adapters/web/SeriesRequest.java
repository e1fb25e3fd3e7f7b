package org.opendsr.meeting.series.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A new series, or what changes about one: every term left out takes the default (or keeps its value). */
@Serdeable
@Schema(name = "TrackingSeriesRequest")
public record SeriesRequest(
        @Nullable @Schema(description = "The DSR team's area (required to create; cannot change)") String area,
        @Nullable @Schema(description = "MONDAY to FRIDAY; THURSDAY by default (dsr.meeting.series.day-of-week)")
        String dayOfWeek,
        @Nullable @Schema(description = "Every how many weeks, 1 to 8; 2 by default") Integer intervalWeeks,
        @Nullable @Schema(description = "UK local time HH:mm (the same in GMT and BST); 10:00 by default",
                example = "10:00") String startTime,
        @Nullable @Schema(description = "15 to 480; 90 by default") Integer durationMinutes,
        @Nullable @Schema(description = "The first meeting (yyyy-MM-dd, on the series' day): the series counts its "
                + "weeks from it; the next such day when omitted") String firstMeetingOn,
        @Nullable @Schema(description = "The online meeting's https link") String onlineLink,
        @Nullable @Schema(description = "MOVE_TO_NEXT_WORKING_DAY (default) or SKIP: a meeting on an England and "
                + "Wales bank holiday") String bankHolidayRule,
        @Nullable @Schema(description = "false stops the series: its future meetings are cancelled") Boolean active) {
}
