package org.opendsr.referral.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.notifications.application.MessageSender.DeliveryReport;

/**
 * Delivery receipts: a receipt settles the message, a failure puts it on the worklist, and a message still on its
 * way is asked about again less and less often, until receipts are no longer expected.
 */
class CheckingDeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    private final NotificationRetriesTest.RecordingChecks checks = new NotificationRetriesTest.RecordingChecks();
    private final NotificationSettings settings = new NotificationSettings();
    private final CheckingDeliveries checking = new CheckingDeliveries(checks, null, settings,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theWaitBetweenChecksDoublesFromAMinuteUpToSixHours() {
        assertThat(settings.deliveryCheckAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.deliveryCheckAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.deliveryCheckAfter(12)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aReceiptSettlesTheMessageAsDelivered() {
        Instant at = NOW.minusSeconds(30);
        checking.record(awaited(NOW.minus(Duration.ofHours(1)), 1), new DeliveryReport.Delivered(at));
        assertThat(checks.calls).containsExactly("delivered " + at);
    }

    @Test
    void anUndeliveredMessageGoesToTheWorklistWithTheProvidersReason() {
        checking.record(awaited(NOW.minus(Duration.ofHours(1)), 2),
                new DeliveryReport.Undelivered("NOTIFY_PERMANENT_FAILURE"));
        assertThat(checks.calls).containsExactly("undelivered NOTIFY_PERMANENT_FAILURE");
    }

    @Test
    void aMessageStillOnItsWayIsAskedAboutAgainLater() {
        checking.record(awaited(NOW.minus(Duration.ofMinutes(3)), 3), new DeliveryReport.NotYetKnown("sending"));
        assertThat(checks.calls).containsExactly("checkAgainAt " + NOW.plus(Duration.ofMinutes(4)) + " sending");
    }

    @Test
    void receiptsAreNoLongerAwaitedAfterSevenDays() {
        checking.record(awaited(NOW.minus(Duration.ofDays(7)).plus(Duration.ofHours(2)), 30),
                new DeliveryReport.NotYetKnown("NOTIFY_HTTP_404"));
        assertThat(checks.calls).containsExactly("checkAgainAt null NOTIFY_HTTP_404");
    }

    private static DeliveryChecks.Awaited awaited(Instant sentAt, int checks) {
        return new DeliveryChecks.Awaited(UUID.randomUUID(), "ref", sentAt, checks);
    }
}
