package org.opendsr.risk.updates.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.risk.updates.application.PersonUpdatesPage;
import org.opendsr.risk.updates.application.PostedUpdates;
import org.opendsr.risk.updates.domain.PostedUpdate;
import org.opendsr.risk.updates.domain.UpdateText;

/** {@code posted_update}: what people's updates boxes say. Read only through need-to-know (ReadingUpdates). */
@Singleton
public class PostgresPostedUpdates implements PostedUpdates {

    private final JdbcOperations jdbc;

    public PostgresPostedUpdates(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(PostedUpdate update) {
        jdbc.prepareStatement("INSERT INTO posted_update (update_id, person_id, text, posted_by, posted_at) "
                + "VALUES (?, ?, ?, ?, ?)", statement -> {
            try {
                statement.setObject(1, update.updateId());
                statement.setObject(2, update.personId());
                statement.setString(3, update.text().value());
                statement.setString(4, update.postedBy());
                statement.setTimestamp(5, Timestamp.from(update.postedAt()));
                return statement.executeUpdate();
            } catch (SQLException e) {
                // Never the statement's parameters: they hold the text.
                throw new IllegalStateException("Could not save an update", e);
            }
        });
    }

    @Override
    public List<PostedUpdate> newestOf(UUID personId, @Nullable PersonUpdatesPage.After after, int limit) {
        String sql = "SELECT update_id, person_id, text, posted_by, posted_at FROM posted_update WHERE person_id = ?"
                + (after == null ? "" : " AND (posted_at, update_id) < (?, ?)")
                + " ORDER BY posted_at DESC, update_id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            try {
                int index = 1;
                statement.setObject(index++, personId);
                if (after != null) {
                    statement.setTimestamp(index++, Timestamp.from(after.postedAt()));
                    statement.setObject(index++, after.updateId());
                }
                statement.setInt(index, limit);
                List<PostedUpdate> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new PostedUpdate(rows.getObject("update_id", UUID.class),
                                rows.getObject("person_id", UUID.class), UpdateText.of(rows.getString("text")),
                                rows.getString("posted_by"), rows.getTimestamp("posted_at").toInstant()));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a person's updates", e);
            }
        });
    }
}
