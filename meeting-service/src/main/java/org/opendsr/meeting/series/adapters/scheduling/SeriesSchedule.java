package org.opendsr.meeting.series.adapters.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.meeting.series.application.SchedulingSeriesMeetings;

/**
 * Keeps every active series' next weeks of meetings scheduled as the weeks go by (a new meeting enters the window
 * each interval). Idempotent and safe on several replicas: each series is scheduled under its row's lock and one
 * meeting holds each planned day.
 */
@Singleton
@Requires(property = "dsr.meeting.series.schedule-enabled", notEquals = "false")
class SeriesSchedule {

    private final SchedulingSeriesMeetings scheduling;

    SeriesSchedule(SchedulingSeriesMeetings scheduling) {
        this.scheduling = scheduling;
    }

    @Scheduled(fixedDelay = "${dsr.meeting.series.schedule-interval:1h}",
            initialDelay = "${dsr.meeting.series.schedule-initial-delay:2m}")
    void keepScheduled() {
        scheduling.sweep();
    }
}
