package org.opendsr.referral.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.notifications.domain.AccessibleFormat;
import org.opendsr.referral.notifications.domain.Addressee;
import org.opendsr.referral.notifications.domain.Channel;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.RecipientRole;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** Transient failures are retried with exponential backoff, then given up on; permanent ones are never retried. */
class NotificationRetriesTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    private final RecordingQueue queue = new RecordingQueue();
    private final NotificationSettings settings = new NotificationSettings();
    private final NotificationAttempts attempts = new NotificationAttempts(queue, new RecordingChecks(), null, null,
            settings, null, null,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theWaitDoublesFromAMinuteUpToSixHours() {
        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(settings.retryAfter(9)).isEqualTo(Duration.ofHours(4).plusMinutes(16));
        assertThat(settings.retryAfter(10)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aTransientFailureIsTriedAgainLaterUntilTheAttemptsRunOut() {
        attempts.record(due(3), ready(), new MessageSender.SendResult.TransientFailure("NOTIFY_HTTP_503"));
        assertThat(queue.calls).containsExactly("retryAt " + NOW.plus(Duration.ofMinutes(4)) + " NOTIFY_HTTP_503");

        queue.calls.clear();
        attempts.record(due(10), ready(), new MessageSender.SendResult.TransientFailure("NOTIFY_HTTP_503"));
        assertThat(queue.calls).containsExactly("failed GAVE_UP_AFTER_10_ATTEMPTS: NOTIFY_HTTP_503");
    }

    @Test
    void aSentMessageIsAskedAboutAMinuteLater() {
        RecordingChecks checks = new RecordingChecks();
        NotificationAttempts recording = new NotificationAttempts(queue, checks, null, null, settings, null, null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        recording.record(due(1), ready(), new MessageSender.SendResult.Sent("notify-id"));
        assertThat(queue.calls).containsExactly("sent notify-id");
        assertThat(checks.calls).containsExactly("firstCheckAt " + NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aPermanentFailureIsNeverRetried() {
        attempts.record(due(1), ready(), new MessageSender.SendResult.PermanentFailure("NOTIFY_HTTP_400"));
        assertThat(queue.calls).containsExactly("failed NOTIFY_HTTP_400");
    }

    private static NotificationQueue.Due due(int attemptsSoFar) {
        return new NotificationQueue.Due(UUID.randomUUID(), UUID.randomUUID(), MessageKind.CONSENT_REMINDER,
                RecipientRole.PERSON, Map.of(), attemptsSoFar);
    }

    private static NotificationAttempts.Resolved.Ready ready() {
        return new NotificationAttempts.Resolved.Ready(new OutgoingMessage(UUID.randomUUID(), UUID.randomUUID(),
                new Addressee(RecipientRole.PERSON, "x", Channel.EMAIL, "x@example.org", List.of(),
                        AccessibleFormat.STANDARD, null), "consent-reminder-person-email", Map.of()), "EMAIL");
    }

    private static final class RecordingQueue implements NotificationQueue {
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean queue(Queued queued) {
            return true;
        }

        @Override
        public boolean withhold(Queued queued, String reason) {
            return true;
        }

        @Override
        public java.util.OptionalInt invitationSequenceQueued(UUID personId, UUID meetingId) {
            return java.util.OptionalInt.empty();
        }

        @Override
        public int withholdPendingInvitations(UUID personId, UUID meetingId, String reason, Instant at) {
            return 0;
        }

        @Override
        public java.util.Optional<Map<String, String>> lastInvitationSent(UUID personId, UUID meetingId) {
            return java.util.Optional.empty();
        }

        @Override
        public List<Due> claimDue(Instant now, int max, Instant leaseUntil) {
            return List.of();
        }

        @Override
        public void sent(UUID id, String channel, String template, String providerReference, Instant at) {
            calls.add("sent " + providerReference);
        }

        @Override
        public void withheld(UUID id, String reason, Instant at) {
            calls.add("withheld " + reason);
        }

        @Override
        public void retryAt(UUID id, Instant nextAttemptAt, String reason) {
            calls.add("retryAt " + nextAttemptAt + " " + reason);
        }

        @Override
        public void failedPermanently(UUID id, String channel, String template, String reason, Instant at) {
            calls.add("failed " + reason);
        }

        @Override
        public KeysetPage<Failed> failed(PersonScope scope, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }

    static final class RecordingChecks implements DeliveryChecks {
        final List<String> calls = new ArrayList<>();

        @Override
        public void firstCheckAt(UUID notificationId, Instant at) {
            calls.add("firstCheckAt " + at);
        }

        @Override
        public List<Awaited> claimDue(Instant now, int max, Instant leaseUntil) {
            return List.of();
        }

        @Override
        public void delivered(UUID notificationId, Instant deliveredAt) {
            calls.add("delivered " + deliveredAt);
        }

        @Override
        public void undelivered(UUID notificationId, String reason, Instant at) {
            calls.add("undelivered " + reason);
        }

        @Override
        public void checkAgainAt(UUID notificationId, Instant nextCheckAt, String providerStatus) {
            calls.add("checkAgainAt " + nextCheckAt + " " + providerStatus);
        }
    }
}
