package org.opendsr.kit.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.messaging.ReceivedEvent;

/**
 * The care teams this service knows (kit tables {@code dsr_kit.care_team} and {@code care_team_member}), and the
 * need-to-know decision from them. In consent-, risk- and meeting-service they are a projection of
 * {@code dsr.person.care-team-changed.v1} (register {@link #follow} for that type on the referral events listener);
 * referral-service, which decides the teams, writes them with {@link #replace} in the transaction that changes a
 * team, so that every service decides from the same rows in the same way.
 */
@Singleton
public class CareTeams {

    private final TransactionOperations<Connection> transactions;

    public CareTeams(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The event handler of {@code dsr.person.care-team-changed.v1}: runs in the inbound event's transaction. */
    public void follow(ReceivedEvent<CareTeamChanged> event) {
        replace(event.payload());
    }

    /**
     * Replaces the person's care team with the one the event describes, unless a later one is already held (an
     * older event replayed after a newer one never rolls access back). Must run inside a transaction.
     */
    public void replace(CareTeamChanged team) {
        Connection connection = currentConnection();
        try {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO dsr_kit.care_team (person_id, area, changed_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (person_id) DO UPDATE SET area = EXCLUDED.area, changed_at = EXCLUDED.changed_at "
                            + "WHERE dsr_kit.care_team.changed_at <= EXCLUDED.changed_at RETURNING (xmax = 0) AS inserted")) {
                upsert.setObject(1, team.personId());
                upsert.setString(2, team.area());
                upsert.setTimestamp(3, Timestamp.from(team.changedAt()));
                boolean inserted;
                try (ResultSet written = upsert.executeQuery()) {
                    if (!written.next()) {
                        return; // a later team is held already
                    }
                    // xmax = 0: the row was inserted, not updated, so there are no members to clear.
                    inserted = written.getBoolean(1);
                }
                if (!inserted) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM dsr_kit.care_team_member WHERE person_id = ?")) {
                        delete.setObject(1, team.personId());
                        delete.executeUpdate();
                    }
                }
            }
            if (team.members().isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO dsr_kit.care_team_member (person_id, membership_id, subject, role, from_at, to_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                for (CareTeamMember member : team.members()) {
                    insert.setObject(1, team.personId());
                    insert.setObject(2, member.membershipId());
                    insert.setString(3, member.subject());
                    insert.setString(4, member.role().name());
                    insert.setTimestamp(5, Timestamp.from(member.from()));
                    insert.setTimestamp(6, member.to() == null ? null : Timestamp.from(member.to()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not replace the care team of person " + team.personId(), e);
        }
    }

    /**
     * Drops the person's care team (their erasure, or a duplicate merged into a survivor whose team referral-service
     * publishes afresh). Returns how many rows went, the team's and its members'. Must run inside a transaction.
     */
    public int forget(UUID personId) {
        Connection connection = currentConnection();
        try (PreparedStatement members = connection.prepareStatement(
                "DELETE FROM dsr_kit.care_team_member WHERE person_id = ?");
             PreparedStatement team = connection.prepareStatement("DELETE FROM dsr_kit.care_team WHERE person_id = ?")) {
            members.setObject(1, personId);
            int removed = members.executeUpdate();
            team.setObject(1, personId);
            return removed + team.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the care team of person " + personId, e);
        }
    }

    /** The person's care team, or {@link CareTeam#unknown} when this service has not been told of one. */
    public CareTeam of(UUID personId) {
        return transactions.findTransactionStatus().isPresent()
                ? read(currentConnection(), personId)
                : transactions.execute(TransactionDefinition.READ_ONLY,
                        status -> read(status.getConnection(), personId));
    }

    /** What the caller may do with the person's records now. */
    public PersonAccess accessOf(Caller caller, UUID personId, Instant now) {
        return NeedToKnow.of(caller, of(personId), now);
    }

    private static CareTeam read(Connection connection, UUID personId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT t.area, m.membership_id, m.subject, m.role, m.from_at, m.to_at FROM dsr_kit.care_team t "
                        + "LEFT JOIN dsr_kit.care_team_member m ON m.person_id = t.person_id WHERE t.person_id = ?")) {
            select.setObject(1, personId);
            String area = null;
            boolean found = false;
            List<CareTeamMember> members = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found = true;
                    area = rows.getString(1);
                    UUID membershipId = rows.getObject(2, UUID.class);
                    if (membershipId != null) {
                        Timestamp to = rows.getTimestamp(6);
                        members.add(new CareTeamMember(membershipId, rows.getString(3),
                                CareTeamRole.valueOf(rows.getString(4)), rows.getTimestamp(5).toInstant(),
                                to == null ? null : to.toInstant()));
                    }
                }
            }
            return found ? new CareTeam(personId, area, members) : CareTeam.unknown(personId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the care team of person " + personId, e);
        }
    }

    private Connection currentConnection() {
        return (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("A care team is written in the caller's transaction"))
                .getConnection();
    }
}
