package org.opendsr.referral.register.adapters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.register.application.Milestones;

/** {@link Milestones} in PostgreSQL. */
@Singleton
class PostgresMilestones implements Milestones {

    private final JdbcOperations jdbc;

    PostgresMilestones(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Candidate> knownWithoutMilestoneBornBetween(String milestone, LocalDate bornAfter,
                                                            LocalDate bornOnOrBefore) {
        return jdbc.prepareStatement("SELECT p.id, p.date_of_birth, p.created_at FROM person p"
                + " WHERE p.date_of_birth > ? AND p.date_of_birth <= ?"
                // A complete referral is one announced to the other services (ReferralAnnouncements).
                + " AND EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id AND r.complete)"
                + " AND NOT EXISTS (SELECT 1 FROM age_milestone m WHERE m.person_id = p.id AND m.milestone = ?)"
                + " ORDER BY p.date_of_birth, p.id", select -> {
            select.setObject(1, bornAfter);
            select.setObject(2, bornOnOrBefore);
            select.setString(3, milestone);
            List<Candidate> found = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Candidate(rows.getObject(1, UUID.class), rows.getObject(2, LocalDate.class),
                            rows.getTimestamp(3).toInstant()));
                }
            }
            return found;
        });
    }

    @Override
    public boolean recordMilestone(UUID personId, String milestone, LocalDate reachedOn, Instant noticedAt) {
        return jdbc.prepareStatement("INSERT INTO age_milestone (person_id, milestone, reached_on, noticed_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (person_id, milestone) DO NOTHING", insert -> {
            insert.setObject(1, personId);
            insert.setString(2, milestone);
            insert.setObject(3, reachedOn);
            insert.setTimestamp(4, Timestamp.from(noticedAt));
            return insert.executeUpdate() == 1;
        });
    }

    @Override
    public boolean recordKeyworkerSuggestion(UUID episodeId, String reason, UUID personId, Instant at) {
        return jdbc.prepareStatement("INSERT INTO keyworker_suggestion (episode_id, reason, person_id, suggested_at, id)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (episode_id, reason) DO NOTHING", insert -> {
            insert.setObject(1, episodeId);
            insert.setString(2, reason);
            insert.setObject(3, personId);
            insert.setTimestamp(4, Timestamp.from(at));
            // The keyworker-suggestions worklist's handle on it.
            insert.setObject(5, UUID.randomUUID());
            return insert.executeUpdate() == 1;
        });
    }
}
