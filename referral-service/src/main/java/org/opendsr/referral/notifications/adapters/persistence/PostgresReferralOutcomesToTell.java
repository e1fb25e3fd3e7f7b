package org.opendsr.referral.notifications.adapters.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.referral.notifications.application.ReferralOutcomesToTell;
import org.opendsr.referral.notifications.domain.ReferralOutcomeToTell;
import org.opendsr.referral.notifications.domain.ReferrerToldBy;
import org.opendsr.referral.shared.adapters.persistence.KeysetSql;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link ReferralOutcomesToTell} in PostgreSQL ({@code referral_outcome_to_tell}, beside {@code notification}). */
@Singleton
class PostgresReferralOutcomesToTell implements ReferralOutcomesToTell {

    private static final String COLUMNS = "referral_id, person_id, area, decided_at, due_on, told_how, told_by,"
            + " told_at, recorded_by, recorded_at";

    private final JdbcOperations jdbc;

    PostgresReferralOutcomesToTell(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ReferralOutcomeToTell outcome) {
        jdbc.prepareStatement("INSERT INTO referral_outcome_to_tell (referral_id, person_id, area, decided_at, due_on)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (referral_id) DO NOTHING", insert -> {
            insert.setObject(1, outcome.referralId());
            insert.setObject(2, outcome.personId());
            insert.setString(3, outcome.area());
            insert.setTimestamp(4, Timestamp.from(outcome.decidedAt()));
            insert.setDate(5, Date.valueOf(outcome.dueOn()));
            return insert.executeUpdate();
        });
    }

    @Override
    public Optional<ReferralOutcomeToTell> lockedById(UUID referralId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM referral_outcome_to_tell WHERE referral_id = ?"
                + " FOR UPDATE", select -> {
            select.setObject(1, referralId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(outcome(rows)) : Optional.empty();
            }
        });
    }

    @Override
    public void saveTold(ReferralOutcomeToTell outcome) {
        ReferralOutcomeToTell.ToldAnotherWay told = outcome.told();
        jdbc.prepareStatement("UPDATE referral_outcome_to_tell SET told_how = ?, told_by = ?, told_at = ?,"
                + " recorded_by = ?, recorded_at = ? WHERE referral_id = ?", update -> {
            update.setString(1, told.how().name());
            update.setString(2, told.toldBy());
            update.setTimestamp(3, Timestamp.from(told.toldAt()));
            update.setString(4, told.recordedBy());
            update.setTimestamp(5, Timestamp.from(told.recordedAt()));
            update.setObject(6, outcome.referralId());
            return update.executeUpdate();
        });
    }

    @Override
    public KeysetPage<Line> untold(boolean everyArea, List<String> areas, LocalDate today, PageRequest page) {
        String from = " FROM referral_outcome_to_tell o JOIN person p ON p.id = o.person_id"
                + " JOIN referral r ON r.id = o.referral_id"
                + " LEFT JOIN notification n ON n.source_event_id = 'referral-outcome:' || o.referral_id::text"
                // Archived records (issue 16) leave every worklist.
                + " WHERE o.told_how IS NULL AND p.archived_at IS NULL"
                + " AND (n.id IS NULL OR n.status IN ('PENDING', 'FAILED_PERMANENT'))"
                + " AND (o.due_on <= ? OR n.status = 'FAILED_PERMANENT')"
                // Out of the ICB's area, or nowhere known, is every team's (as the worklist of admissions).
                + (everyArea ? "" : " AND " + CareTeam.noAreaOrOneOf("o.area"));
        List<Object> parameters = new ArrayList<>();
        parameters.add(Date.valueOf(today));
        if (!everyArea) {
            parameters.add(areas.toArray(String[]::new));
        }
        long total = KeysetSql.count(jdbc, from, parameters);
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "o.decided_at", "o.referral_id", ">", seek);
        seek.add(page.fetch());
        List<Line> lines = jdbc.prepareStatement("SELECT o.referral_id, o.person_id, p.given_name, p.family_name,"
                + " o.area, r.status, o.decided_at, o.due_on, n.recipient, n.status, n.failure_reason,"
                + " coalesce(n.attempts, 0)" + from + after + " ORDER BY o.decided_at, o.referral_id LIMIT ?",
                select -> {
                    KeysetSql.bind(select, seek);
                    List<Line> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            LocalDate dueOn = rows.getDate(8).toLocalDate();
                            found.add(new Line(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                    rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                                    rows.getTimestamp(7).toInstant(), dueOn, ReferrerToldBy.isLate(dueOn, today),
                                    rows.getString(9), rows.getString(10), rows.getString(11), rows.getInt(12)));
                        }
                    }
                    return found;
                });
        return KeysetPage.of(lines, page, total, line -> PageCursor.of(line.decidedAt(), line.referralId()));
    }

    private static ReferralOutcomeToTell outcome(ResultSet rows) throws SQLException {
        String how = rows.getString("told_how");
        ReferralOutcomeToTell.ToldAnotherWay told = how == null ? null : new ReferralOutcomeToTell.ToldAnotherWay(
                ReferralOutcomeToTell.WayOfTelling.valueOf(how), rows.getString("told_by"),
                rows.getTimestamp("told_at").toInstant(), rows.getString("recorded_by"),
                rows.getTimestamp("recorded_at").toInstant());
        return new ReferralOutcomeToTell(rows.getObject("referral_id", UUID.class),
                rows.getObject("person_id", UUID.class), rows.getString("area"),
                rows.getTimestamp("decided_at").toInstant(), rows.getDate("due_on").toLocalDate(), told);
    }
}
