package org.opendsr.referral.careteam.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.careteam.application.PeopleWithoutCareTeam;

/** People the kit's {@code dsr_kit.care_team} holds no team for. */
@Singleton
class PostgresPeopleWithoutCareTeam implements PeopleWithoutCareTeam {

    private final JdbcOperations jdbc;

    PostgresPeopleWithoutCareTeam(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> after(@Nullable UUID after, int limit) {
        return jdbc.prepareStatement("SELECT p.id FROM person p WHERE p.id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM dsr_kit.care_team t WHERE t.person_id = p.id) ORDER BY p.id LIMIT ?", select -> {
            select.setObject(1, after == null ? new UUID(0L, 0L) : after);
            select.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
