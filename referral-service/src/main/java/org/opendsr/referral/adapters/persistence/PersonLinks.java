package org.opendsr.referral.adapters.persistence;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/** How a professional is linked to a person: as a referrer, a key professional or the responsible professional. */
@Singleton
public class PersonLinks {

    private final JdbcOperations jdbc;

    public PersonLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the user referred the person, is one of their key professionals, or is responsible for them. */
    public boolean isLinked(UUID personId, String userId, @Nullable String email) {
        return jdbc.prepareStatement("SELECT"
                + " EXISTS (SELECT 1 FROM referral WHERE person_id = ? AND referred_by = ?)"
                + " OR EXISTS (SELECT 1 FROM key_professional WHERE person_id = ?"
                + "   AND (user_id = ? OR (CAST(? AS text) IS NOT NULL AND lower(email) = lower(CAST(? AS text)))))"
                + " OR EXISTS (SELECT 1 FROM register_entry WHERE person_id = ? AND removed_at IS NULL"
                + "   AND responsible_professional = ?)", select -> {
            select.setObject(1, personId);
            select.setString(2, userId);
            select.setObject(3, personId);
            select.setString(4, userId);
            select.setString(5, email);
            select.setString(6, email);
            select.setObject(7, personId);
            select.setString(8, userId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }
}
