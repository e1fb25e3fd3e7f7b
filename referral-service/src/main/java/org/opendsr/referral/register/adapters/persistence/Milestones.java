package org.opendsr.referral.register.adapters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Age milestones and keyworker suggestions already made: each is recorded under a unique key, so whichever replica
 * or run gets there first makes it and every other finds it done.
 */
@Singleton
public class Milestones {

    public static final String TURNED_18 = "TURNED_18";

    private final JdbcOperations jdbc;

    public Milestones(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Someone who may have turned 18: what the rule needs, nothing more. */
    public record Candidate(UUID personId, LocalDate dateOfBirth, Instant firstRecordedAt) {
        @Override
        public String toString() {
            return "Candidate[personId=" + personId + ", date of birth redacted]";
        }
    }

    /** People born in the window without the milestone recorded yet. */
    public List<Candidate> withoutMilestoneBornBetween(String milestone, LocalDate bornAfter, LocalDate bornOnOrBefore) {
        return jdbc.prepareStatement("SELECT p.id, p.date_of_birth, p.created_at FROM person p"
                + " WHERE p.date_of_birth > ? AND p.date_of_birth <= ?"
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

    /** True when this call recorded the milestone; false when it was already recorded. */
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

    /** True when this call recorded the suggestion; false when the episode already had one for the reason. */
    public boolean recordKeyworkerSuggestion(UUID episodeId, String reason, UUID personId, Instant at) {
        return jdbc.prepareStatement("INSERT INTO keyworker_suggestion (episode_id, reason, person_id, suggested_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (episode_id, reason) DO NOTHING", insert -> {
            insert.setObject(1, episodeId);
            insert.setString(2, reason);
            insert.setObject(3, personId);
            insert.setTimestamp(4, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        });
    }
}
