package org.opendsr.consent.adapters.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.micronaut.scheduling.cron.CronExpression;
import org.junit.jupiter.api.Test;

/** When the nightly lifecycle run happens by default, in England's time, including the nights the clocks change. */
class DailyConsentLifecycleScheduleTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private final CronExpression nightly = CronExpression.create(DailyConsentLifecycle.DEFAULT_CRON);

    private ZonedDateTime nextRunAfter(String localTime) {
        return nightly.nextTimeAfter(LocalDateTime.parse(localTime).atZone(ENGLAND));
    }

    @Test
    void itRunsAt0230EveryNightInEngland() {
        assertThat(nextRunAfter("2026-11-25T12:00").toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-26T02:30"));
        assertThat(nextRunAfter("2027-07-01T03:00").toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-07-02T02:30"));
    }

    @Test
    void theNightTheClocksGoForwardStillHasItsRun() {
        // 28 March 2027: 01:00 GMT becomes 02:00 BST; 02:30 BST exists.
        assertThat(nextRunAfter("2027-03-27T12:00").toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T02:30"));
    }

    @Test
    void theNightTheClocksGoBackHasItsRunOnce() {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT; 02:30 happens once, the next run is the night after.
        ZonedDateTime first = nextRunAfter("2026-10-24T12:00");
        ZonedDateTime second = nightly.nextTimeAfter(first);

        assertThat(first.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T02:30"));
        assertThat(second.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-26T02:30"));
    }
}
