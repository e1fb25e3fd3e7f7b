package org.opendsr.referral.keyworker.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.shared.adapters.persistence.KeysetSql;
import org.opendsr.referral.keyworker.application.KeyworkerSuggestions;
import org.opendsr.referral.keyworker.domain.KeyworkerSuggestion;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link KeyworkerSuggestions} in PostgreSQL ({@code keyworker_suggestion}). */
@Singleton
class PostgresKeyworkerSuggestions implements KeyworkerSuggestions {

    private final JdbcOperations jdbc;

    PostgresKeyworkerSuggestions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public KeysetPage<Line> open(PersonScope scope, PageRequest page) {
        String from = " FROM keyworker_suggestion k JOIN person p ON p.id = k.person_id WHERE k.outcome IS NULL"
                // Archived records (issue 16) leave every worklist.
                + " AND p.archived_at IS NULL AND "
                + scope.condition("p.id");
        List<Object> parameters = new ArrayList<>(scope.parameters());
        long total = KeysetSql.count(jdbc, from, parameters);
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "k.suggested_at", "k.id", ">", seek);
        seek.add(page.fetch());
        List<Line> lines = jdbc.prepareStatement("SELECT k.id, k.person_id, p.given_name, p.family_name, p.locality,"
                + " k.reason, k.suggested_at" + from + after + " ORDER BY k.suggested_at, k.id LIMIT ?", select -> {
            KeysetSql.bind(select, seek);
            List<Line> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Line(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getTimestamp(7).toInstant()));
                }
            }
            return found;
        });
        return KeysetPage.of(lines, page, total, line -> PageCursor.of(line.suggestedAt(), line.suggestionId()));
    }

    @Override
    public Optional<KeyworkerSuggestion> lockedById(UUID suggestionId) {
        return jdbc.prepareStatement("SELECT id, person_id, episode_id, reason, suggested_at, outcome, family_answer,"
                + " not_needed_reason, outcome_by, outcome_at FROM keyworker_suggestion WHERE id = ? FOR UPDATE",
                select -> {
                    select.setObject(1, suggestionId);
                    try (ResultSet rows = select.executeQuery()) {
                        return rows.next() ? Optional.of(suggestion(rows)) : Optional.empty();
                    }
                });
    }

    @Override
    public void saveOutcome(KeyworkerSuggestion suggestion) {
        KeyworkerSuggestion.Outcome outcome = suggestion.outcome();
        jdbc.prepareStatement("UPDATE keyworker_suggestion SET outcome = ?, family_answer = ?, not_needed_reason = ?,"
                + " outcome_by = ?, outcome_at = ? WHERE id = ?", update -> {
            update.setString(1, outcome.decision().name());
            update.setString(2, outcome.familyAnswer());
            update.setString(3, outcome.notNeededReason() == null ? null : outcome.notNeededReason().name());
            update.setString(4, outcome.recordedBy());
            update.setTimestamp(5, Timestamp.from(outcome.recordedAt()));
            update.setObject(6, suggestion.id());
            return update.executeUpdate();
        });
    }

    private static KeyworkerSuggestion suggestion(ResultSet rows) throws SQLException {
        String decision = rows.getString("outcome");
        KeyworkerSuggestion.Outcome outcome = null;
        if (decision != null) {
            String reason = rows.getString("not_needed_reason");
            outcome = new KeyworkerSuggestion.Outcome(KeyworkerSuggestion.Decision.valueOf(decision),
                    rows.getString("family_answer"),
                    reason == null ? null : KeyworkerSuggestion.NotNeededReason.valueOf(reason),
                    rows.getString("outcome_by"), rows.getTimestamp("outcome_at").toInstant());
        }
        return new KeyworkerSuggestion(rows.getObject("id", UUID.class), rows.getObject("person_id", UUID.class),
                rows.getObject("episode_id", UUID.class), rows.getString("reason"),
                rows.getTimestamp("suggested_at").toInstant(), outcome);
    }

}
