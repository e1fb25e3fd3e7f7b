package org.opendsr.risk.updates.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.risk.updates.application.PersonAreas;

/** A person's area from the kit's care-team projection ({@code dsr_kit.care_team.area}). */
@Singleton
public class KitCareTeamAreas implements PersonAreas {

    private final JdbcOperations jdbc;

    public KitCareTeamAreas(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> areaOf(UUID personId) {
        return jdbc.prepareStatement("SELECT area FROM dsr_kit.care_team WHERE person_id = ?", statement -> {
            try {
                statement.setObject(1, personId);
                try (ResultSet found = statement.executeQuery()) {
                    return found.next() ? Optional.ofNullable(found.getString(1)) : Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a person's area", e);
            }
        });
    }
}
