package org.opendsr.referral.notifications.adapters.localmailbox;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.referral.notifications.application.MessageSender;
import org.opendsr.referral.notifications.application.OutgoingMessage;
import org.opendsr.referral.notifications.domain.Channel;
import org.opendsr.referral.shared.application.Now;

/**
 * A real sender for local runs and tests ({@code dsr.notifications.sender: local-mailbox}): each message is written to
 * {@code local_mailbox} exactly as it would have gone (to whom, by which channel, which template, which fields), so
 * that ./dsr-local shows a consent reminder without a Notify account and tests check the exact message. A message
 * sent twice (after a crash) is written once: its notification id is its reference, as with Notify.
 */
@Singleton
@Requires(property = "dsr.notifications.sender", value = "local-mailbox", defaultValue = "local-mailbox")
class LocalMailboxSender implements MessageSender {

    private static final String REFERENCE_PREFIX = "local-mailbox:";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LocalMailboxSender(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SendResult send(OutgoingMessage message) {
        String sentTo = message.addressee().channel() == Channel.LETTER
                ? String.join(", ", message.addressee().postalAddress())
                : message.addressee().destination();
        String personalisation;
        try {
            personalisation = json.writeValueAsString(message.personalisation());
        } catch (java.io.IOException e) {
            return new SendResult.PermanentFailure("LOCAL_MAILBOX_UNWRITABLE");
        }
        UUID id = UUID.randomUUID();
        jdbc.prepareStatement("INSERT INTO local_mailbox (id, notification_id, person_id, recipient, channel, template,"
                + " sent_to, personalisation, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)"
                + " ON CONFLICT (notification_id) DO NOTHING", insert -> {
                    insert.setObject(1, id);
                    insert.setObject(2, message.notificationId());
                    insert.setObject(3, message.personId());
                    insert.setString(4, message.addressee().role().name());
                    insert.setString(5, message.addressee().channel().name());
                    insert.setString(6, message.template());
                    insert.setString(7, sentTo);
                    insert.setString(8, personalisation);
                    insert.setTimestamp(9, Timestamp.from(Now.of(clock)));
                    return insert.executeUpdate();
                });
        return new SendResult.Sent(REFERENCE_PREFIX + message.notificationId());
    }

    /** A message in the mailbox has arrived: delivered when it was written. */
    @Override
    @Transactional
    public DeliveryReport deliveryOf(String providerReference) {
        if (providerReference == null || !providerReference.startsWith(REFERENCE_PREFIX)) {
            return new DeliveryReport.Undelivered("LOCAL_MAILBOX_UNKNOWN_REFERENCE");
        }
        UUID notificationId = UUID.fromString(providerReference.substring(REFERENCE_PREFIX.length()));
        List<Instant> written = jdbc.prepareStatement("SELECT sent_at FROM local_mailbox WHERE notification_id = ?",
                select -> {
                    select.setObject(1, notificationId);
                    List<Instant> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getTimestamp(1).toInstant());
                        }
                    }
                    return found;
                });
        return written.isEmpty() ? new DeliveryReport.Undelivered("LOCAL_MAILBOX_MESSAGE_MISSING")
                : new DeliveryReport.Delivered(written.get(0));
    }
}
