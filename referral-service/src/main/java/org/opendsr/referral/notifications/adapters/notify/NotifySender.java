package org.opendsr.referral.notifications.adapters.notify;

import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opendsr.referral.notifications.application.MessageSender;
import org.opendsr.referral.notifications.application.OutgoingMessage;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Sends through GOV.UK Notify ({@code dsr.notifications.sender: notify}). The notification id goes as Notify's
 * reference, so a message re-sent after a crash can be matched in Notify's records. A template with no id configured
 * is a permanent failure (TEMPLATE_NOT_CONFIGURED): the DSR team sees it on the worklist and the configuration is
 * fixed, rather than the message silently falling back to another form than the person needs.
 */
@Singleton
@Requires(property = "dsr.notifications.sender", value = "notify")
class NotifySender implements MessageSender {

    private final NotifySettings settings;
    private final NotificationClient client;

    NotifySender(NotifySettings settings) {
        if (settings.getApiKey() == null || settings.getApiKey().isBlank()) {
            throw new IllegalStateException("dsr.notifications.sender is notify but DSR_NOTIFICATIONS_NOTIFY_API_KEY"
                    + " is not set");
        }
        this.settings = settings;
        this.client = new NotificationClient(settings.getApiKey());
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        Optional<String> templateId = settings.templateId(message.template());
        if (templateId.isEmpty()) {
            return new SendResult.PermanentFailure("TEMPLATE_NOT_CONFIGURED: " + message.template());
        }
        String reference = message.notificationId().toString();
        try {
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
}
