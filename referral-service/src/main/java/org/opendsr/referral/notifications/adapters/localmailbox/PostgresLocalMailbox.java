package org.opendsr.referral.notifications.adapters.localmailbox;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.notifications.application.LocalMailbox;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link LocalMailbox} read from {@code local_mailbox} (migration V14); empty wherever Notify sends. */
@Singleton
class PostgresLocalMailbox implements LocalMailbox {

    private static final Argument<Map<String, String>> FIELDS = Argument.mapOf(String.class, String.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    PostgresLocalMailbox(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public KeysetPage<Message> messages(PersonScope scope, @Nullable UUID personId, PageRequest page) {
        String where = " FROM local_mailbox m WHERE " + scope.condition("m.person_id");
        List<Object> parameters = new ArrayList<>(scope.parameters());
        if (personId != null) {
            where += " AND m.person_id = ?";
            parameters.add(personId);
        }
        long total = jdbc.prepareStatement("SELECT count(*)" + where, count -> {
            for (int i = 0; i < parameters.size(); i++) {
                count.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        List<Object> seek = new ArrayList<>(parameters);
        String after = "";
        if (page.after() != null) {
            List<String> key = PageCursor.key(page.after(), 2);
            after = " AND (m.sent_at, m.id) < (?, ?)";
            seek.add(Timestamp.from(PageCursor.instantPart(key.get(0))));
            seek.add(PageCursor.uuidPart(key.get(1)));
        }
        seek.add(page.fetch());
        List<Message> messages = jdbc.prepareStatement("SELECT m.id, m.notification_id, m.person_id, m.recipient,"
                + " m.channel, m.template, m.sent_to, m.personalisation::text, m.sent_at" + where + after
                + " ORDER BY m.sent_at DESC, m.id DESC LIMIT ?", select -> {
                    for (int i = 0; i < seek.size(); i++) {
                        select.setObject(i + 1, seek.get(i));
                    }
                    List<Message> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(new Message(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                    rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5),
                                    rows.getString(6), rows.getString(7), fields(rows.getString(8)),
                                    rows.getTimestamp(9).toInstant()));
                        }
                    }
                    return found;
                });
        return KeysetPage.of(messages, page, total, message -> PageCursor.of(message.sentAt(), message.messageId()));
    }

    private Map<String, String> fields(String stored) {
        try {
            return json.readValue(stored, FIELDS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("personalisation not read", e);
        }
    }
}
