package org.opendsr.referral.notifications.adapters.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opendsr.referral.notifications.application.MessageSender;
import org.opendsr.referral.notifications.application.OutgoingMessage;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Sends through GOV.UK Notify ({@code dsr.notifications.sender: notify}). The notification id goes as Notify's
 * reference: an attempt after the first looks it up in Notify before sending, so that a message Notify took before a
 * crash or a timed-out answer is not sent twice. A template with no id configured
 * is a permanent failure (TEMPLATE_NOT_CONFIGURED): the DSR team sees it on the worklist and the configuration is
 * fixed, rather than the message silently falling back to another form than the person needs.
 */
@Singleton
@Requires(property = "dsr.notifications.sender", value = "notify")
class NotifySender implements MessageSender {

    private final NotifySettings settings;
    private final NotificationClient client;
    private final Clock clock;

    NotifySender(NotifySettings settings, Clock clock) {
        this.clock = clock;
        if (settings.getApiKey() == null || settings.getApiKey().isBlank()) {
            throw new IllegalStateException("dsr.notifications.sender is notify but DSR_NOTIFICATIONS_NOTIFY_API_KEY"
                    + " is not set");
        }
        this.settings = settings;
        this.client = new NotificationClient(settings.getApiKey(), settings.getBaseUrl());
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        Optional<String> templateId = settings.templateId(message.template());
        if (templateId.isEmpty()) {
            return new SendResult.PermanentFailure("TEMPLATE_NOT_CONFIGURED: " + message.template());
        }
        String reference = message.notificationId().toString();
        try {
            if (message.attempt() > 1) {
                // Notify does not refuse a second message with the same reference: an earlier attempt that reached it
                // (the replica died, or the answer timed out) would be sent twice. Ask first.
                Optional<String> earlier = client.getNotifications(null, null, reference, null).getNotifications()
                        .stream().findFirst().map(notification -> notification.getId().toString());
                if (earlier.isPresent()) {
                    return new SendResult.Sent(earlier.get());
                }
            }
            return switch (message.addressee().channel()) {
                case EMAIL -> new SendResult.Sent(client.sendEmail(templateId.get(),
                        message.addressee().destination(), message.personalisation(), reference)
                        .getNotificationId().toString());
                case SMS -> new SendResult.Sent(client.sendSms(templateId.get(), message.addressee().destination(),
                        message.personalisation(), reference).getNotificationId().toString());
                case LETTER -> new SendResult.Sent(client.sendLetter(templateId.get(), message.personalisation(),
                        reference).getNotificationId().toString());
            };
        } catch (NotificationClientException e) {
            return NotifyErrors.classify(e.getHttpResult());
        } catch (RuntimeException e) {
            // The client wraps I/O trouble in runtime exceptions too: nothing was accepted, so try again later.
            return new SendResult.TransientFailure("NOTIFY_CLIENT_" + e.getClass().getSimpleName());
        }
    }

    @Override
    public DeliveryReport deliveryOf(String providerReference) {
        try {
            Notification notification = client.getNotificationById(providerReference);
            return NotifyDeliveryStatuses.of(notification.getNotificationType(), notification.getStatus(),
                    notification.getCompletedAt().map(ZonedDateTime::toInstant).orElse(null), Instant.now(clock));
        } catch (NotificationClientException e) {
            // Notify may be down, or no longer keep the message (after its retention): ask again until receipts are
            // no longer expected. Only the status code is kept, as for sending.
            return new DeliveryReport.NotYetKnown(e.getHttpResult() <= 0 ? "NOTIFY_UNREACHABLE"
                    : "NOTIFY_HTTP_" + e.getHttpResult());
        } catch (RuntimeException e) {
            return new DeliveryReport.NotYetKnown("NOTIFY_CLIENT_" + e.getClass().getSimpleName());
        }
    }
}
