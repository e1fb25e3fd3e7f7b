package org.opendsr.referral.person.adapters.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.CommunicationPreferences;
import org.opendsr.referral.person.domain.CommunicationPreferencesHeld;

/** Communication preferences in PostgreSQL ({@code communication_preferences}, one row per person recorded). */
@Singleton
class StoredCommunicationPreferences implements CommunicationPreferencesHeld {

    private final JdbcOperations jdbc;

    StoredCommunicationPreferences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CommunicationPreferences> of(UUID personId) {
        return jdbc.prepareStatement("SELECT preferred_channel, accessible_format, language,"
                + " asked_not_to_be_contacted_on FROM communication_preferences WHERE person_id = ?", select -> {
            select.setObject(1, personId);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String channel = rows.getString(1);
                Date askedOn = rows.getDate(4);
                return Optional.of(new CommunicationPreferences(
                        channel == null ? null : CommunicationPreferences.Channel.valueOf(channel),
                        CommunicationPreferences.Format.valueOf(rows.getString(2)), rows.getString(3),
                        askedOn == null ? null : askedOn.toLocalDate()));
            }
        });
    }

    @Override
    public void replace(UUID personId, CommunicationPreferences preferences, Instant at) {
        jdbc.prepareStatement("INSERT INTO communication_preferences (person_id, preferred_channel, accessible_format,"
                + " language, asked_not_to_be_contacted_on, changed_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (person_id) DO UPDATE SET preferred_channel = EXCLUDED.preferred_channel,"
                + " accessible_format = EXCLUDED.accessible_format, language = EXCLUDED.language,"
                + " asked_not_to_be_contacted_on = EXCLUDED.asked_not_to_be_contacted_on,"
                + " changed_at = EXCLUDED.changed_at", upsert -> {
            upsert.setObject(1, personId);
            upsert.setString(2, preferences.preferredChannel() == null ? null : preferences.preferredChannel().name());
            upsert.setString(3, preferences.format().name());
            upsert.setString(4, preferences.language());
            upsert.setDate(5, preferences.askedNotToBeContactedOn() == null ? null
                    : Date.valueOf(preferences.askedNotToBeContactedOn()));
            upsert.setTimestamp(6, Timestamp.from(at));
            return upsert.executeUpdate();
        });
    }
}
