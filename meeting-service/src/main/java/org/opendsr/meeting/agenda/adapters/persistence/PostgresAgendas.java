package org.opendsr.meeting.agenda.adapters.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.meeting.agenda.application.Agendas;
import org.opendsr.meeting.agenda.domain.AgendaItem;
import org.opendsr.meeting.agenda.domain.AgendaReason;
import org.opendsr.meeting.agenda.domain.AgendaStatus;
import org.opendsr.meeting.agenda.domain.HandAddedItem;
import org.opendsr.meeting.agenda.domain.ItemReason;
import org.opendsr.meeting.agenda.domain.TrackingMeetingAgenda;

/**
 * The {@code agenda}, {@code agenda_item} and {@code agenda_hand_item} tables (V4__agendas.sql). The assembled items
 * are replaced on each assembly; hand-added ones are only ever inserted; the status is written last, so that freezing
 * a just-assembled agenda writes its items before the database's frozen guard closes them.
 */
@Singleton
class PostgresAgendas implements Agendas {

    private final JdbcOperations jdbc;

    PostgresAgendas(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TrackingMeetingAgenda> find(UUID meetingId) {
        return jdbc.prepareStatement("SELECT * FROM agenda WHERE meeting_id = ?", statement -> {
            statement.setObject(1, meetingId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(TrackingMeetingAgenda.restore(meetingId,
                        AgendaStatus.valueOf(row.getString("status")), instant(row, "assembled_at"),
                        instant(row, "frozen_at"), assembledItems(meetingId), handItems(meetingId)));
            }
        });
    }

    @Override
    public void save(TrackingMeetingAgenda agenda) {
        UUID meetingId = agenda.meetingId();
        String stored = jdbc.prepareStatement("SELECT status FROM agenda WHERE meeting_id = ?", statement -> {
            statement.setObject(1, meetingId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString("status") : null;
            }
        });
        if (AgendaStatus.FROZEN.name().equals(stored)) {
            return;
        }
        if (stored == null) {
            jdbc.prepareStatement("INSERT INTO agenda (meeting_id, status) VALUES (?, 'NOT_YET_ASSEMBLED')",
                    statement -> {
                        statement.setObject(1, meetingId);
                        return statement.executeUpdate();
                    });
        }
        jdbc.prepareStatement("DELETE FROM agenda_item WHERE meeting_id = ?", statement -> {
            statement.setObject(1, meetingId);
            return statement.executeUpdate();
        });
        List<AgendaItem> items = agenda.assembled();
        if (!items.isEmpty()) {
            jdbc.prepareStatement("INSERT INTO agenda_item (meeting_id, position, person_id, reason_codes, "
                    + "reason_whys) VALUES (?, ?, ?, ?, ?)", statement -> {
                        for (int position = 0; position < items.size(); position++) {
                            AgendaItem item = items.get(position);
                            statement.setObject(1, meetingId);
                            statement.setInt(2, position);
                            statement.setObject(3, item.personId());
                            statement.setArray(4, statement.getConnection().createArrayOf("text",
                                    item.reasons().stream().map(reason -> reason.code().name()).toArray()));
                            statement.setArray(5, statement.getConnection().createArrayOf("text",
                                    item.reasons().stream().map(ItemReason::why).toArray()));
                            statement.addBatch();
                        }
                        return statement.executeBatch();
                    });
        }
        for (HandAddedItem item : agenda.byHand()) {
            jdbc.prepareStatement("INSERT INTO agenda_hand_item (meeting_id, person_id, reason, added_by, added_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id, person_id) DO NOTHING", statement -> {
                        statement.setObject(1, meetingId);
                        statement.setObject(2, item.personId());
                        statement.setString(3, item.reason());
                        statement.setString(4, item.addedBy());
                        statement.setTimestamp(5, Timestamp.from(item.addedAt()));
                        return statement.executeUpdate();
                    });
        }
        jdbc.prepareStatement("UPDATE agenda SET status = ?, assembled_at = ?, frozen_at = ? WHERE meeting_id = ?",
                statement -> {
                    statement.setString(1, agenda.status().name());
                    statement.setTimestamp(2, timestamp(agenda.assembledAt()));
                    statement.setTimestamp(3, timestamp(agenda.frozenAt()));
                    statement.setObject(4, meetingId);
                    return statement.executeUpdate();
                });
    }

    private List<AgendaItem> assembledItems(UUID meetingId) {
        return jdbc.prepareStatement("SELECT person_id, reason_codes, reason_whys FROM agenda_item "
                + "WHERE meeting_id = ? ORDER BY position", statement -> {
                    statement.setObject(1, meetingId);
                    List<AgendaItem> items = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            String[] codes = strings(row.getArray("reason_codes"));
                            String[] whys = strings(row.getArray("reason_whys"));
                            List<ItemReason> reasons = new ArrayList<>();
                            for (int i = 0; i < codes.length; i++) {
                                reasons.add(new ItemReason(AgendaReason.valueOf(codes[i]), whys[i]));
                            }
                            items.add(new AgendaItem(row.getObject("person_id", UUID.class), reasons));
                        }
                    }
                    return items;
                });
    }

    private List<HandAddedItem> handItems(UUID meetingId) {
        return jdbc.prepareStatement("SELECT * FROM agenda_hand_item WHERE meeting_id = ? ORDER BY added_at, person_id",
                statement -> {
                    statement.setObject(1, meetingId);
                    List<HandAddedItem> items = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            items.add(new HandAddedItem(row.getObject("person_id", UUID.class),
                                    row.getString("reason"), row.getString("added_by"),
                                    row.getTimestamp("added_at").toInstant()));
                        }
                    }
                    return items;
                });
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
