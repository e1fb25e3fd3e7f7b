package org.opendsr.referral.moves.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.shared.adapters.persistence.KeysetSql;
import org.opendsr.referral.moves.application.MovesOutOfArea;
import org.opendsr.referral.moves.domain.MoveOutOfArea;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link MovesOutOfArea} in PostgreSQL ({@code move_out_of_area}). */
@Singleton
class PostgresMovesOutOfArea implements MovesOutOfArea {

    private final JdbcOperations jdbc;

    PostgresMovesOutOfArea(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addUnlessOpen(MoveOutOfArea move) {
        return jdbc.prepareStatement("INSERT INTO move_out_of_area (id, person_id, register_entry_id, from_area,"
                + " moved_at, noticed_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (person_id) WHERE resolution IS NULL DO NOTHING", insert -> {
            insert.setObject(1, move.id());
            insert.setObject(2, move.personId());
            insert.setObject(3, move.registerEntryId());
            insert.setString(4, move.fromArea());
            insert.setTimestamp(5, Timestamp.from(move.movedAt()));
            insert.setTimestamp(6, Timestamp.from(move.noticedAt()));
            return insert.executeUpdate() == 1;
        });
    }

    @Override
    public KeysetPage<Line> open(boolean everyArea, List<String> areas, PageRequest page) {
        String from = " FROM move_out_of_area m JOIN person p ON p.id = m.person_id"
                + " LEFT JOIN register_entry e ON e.id = m.register_entry_id AND e.removed_at IS NULL"
                // Archived records (issue 16) leave every worklist.
                + " WHERE m.resolution IS NULL AND p.archived_at IS NULL" + (everyArea ? "" : " AND m.from_area = ANY (?)");
        List<Object> parameters = new ArrayList<>();
        if (!everyArea) {
            parameters.add(areas.toArray(String[]::new));
        }
        long total = KeysetSql.count(jdbc, from, parameters);
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "m.moved_at", "m.id", ">", seek);
        seek.add(page.fetch());
        List<Line> lines = jdbc.prepareStatement("SELECT m.id, m.person_id, p.given_name, p.family_name, m.from_area,"
                + " m.moved_at, m.register_entry_id, e.responsible_professional" + from + after
                + " ORDER BY m.moved_at, m.id LIMIT ?", select -> {
            KeysetSql.bind(select, seek);
            List<Line> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Line(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant(),
                            rows.getObject(7, UUID.class), rows.getString(8)));
                }
            }
            return found;
        });
        return KeysetPage.of(lines, page, total, line -> PageCursor.of(line.movedAt(), line.moveId()));
    }

    @Override
    public Optional<MoveOutOfArea> lockedById(UUID moveId) {
        return jdbc.prepareStatement("SELECT id, person_id, register_entry_id, from_area, moved_at, noticed_at,"
                + " resolution, transferred_to, staying_reason, resolved_by, resolved_at FROM move_out_of_area"
                + " WHERE id = ? FOR UPDATE", select -> {
            select.setObject(1, moveId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(move(rows)) : Optional.empty();
            }
        });
    }

    @Override
    public void saveResolution(MoveOutOfArea move) {
        MoveOutOfArea.Resolution resolution = move.resolution();
        jdbc.prepareStatement("UPDATE move_out_of_area SET resolution = ?, transferred_to = ?, staying_reason = ?,"
                + " resolved_by = ?, resolved_at = ? WHERE id = ?", update -> {
            update.setString(1, resolution.outcome().name());
            update.setString(2, resolution.transferredTo());
            update.setString(3, resolution.stayingReason() == null ? null : resolution.stayingReason().name());
            update.setString(4, resolution.resolvedBy());
            update.setTimestamp(5, Timestamp.from(resolution.resolvedAt()));
            update.setObject(6, move.id());
            return update.executeUpdate();
        });
    }

    private static MoveOutOfArea move(ResultSet rows) throws SQLException {
        String outcome = rows.getString("resolution");
        MoveOutOfArea.Resolution resolution = null;
        if (outcome != null) {
            String staying = rows.getString("staying_reason");
            resolution = new MoveOutOfArea.Resolution(MoveOutOfArea.Outcome.valueOf(outcome),
                    rows.getString("transferred_to"),
                    staying == null ? null : MoveOutOfArea.StayingReason.valueOf(staying),
                    rows.getString("resolved_by"), rows.getTimestamp("resolved_at").toInstant());
        }
        return new MoveOutOfArea(rows.getObject("id", UUID.class), rows.getObject("person_id", UUID.class),
                rows.getObject("register_entry_id", UUID.class), rows.getString("from_area"),
                rows.getTimestamp("moved_at").toInstant(), rows.getTimestamp("noticed_at").toInstant(), resolution);
    }

}
