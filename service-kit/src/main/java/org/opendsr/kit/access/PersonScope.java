package org.opendsr.kit.access;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.security.DsrRoles;

/**
 * {@link NeedToKnow} as a SQL condition on a person id column, so that a list shows only the people the caller may
 * see, filtered in the database (and paged after filtering) rather than read and dropped. It reads the kit's care
 * team tables ({@code dsr_kit.care_team}, {@code dsr_kit.care_team_member}); a person the service has no care team
 * for belongs to no area, as {@link CareTeam#unknown} says.
 *
 * <p>Use: {@code "... WHERE " + scope.condition("c.person_id") + " AND ..."}, then {@link #bind} its parameters
 * from the given index; it returns the next free index.
 */
public final class PersonScope {

    private enum Kind { EVERYONE, NO_ONE, AREAS_OR_MEMBERSHIP, MEMBERSHIP }

    private final Kind kind;
    private final String subject;
    private final List<String> areas;
    private final Instant now;

    private PersonScope(Kind kind, String subject, List<String> areas, Instant now) {
        this.kind = kind;
        this.subject = subject;
        this.areas = areas;
        this.now = now;
    }

    public static PersonScope of(Caller caller, Instant now) {
        if (caller.hasRole(DsrRoles.DSR_LEAD)) {
            return new PersonScope(Kind.EVERYONE, null, List.of(), now);
        }
        if (caller.hasRole(DsrRoles.DSR_TEAM)) {
            return new PersonScope(Kind.AREAS_OR_MEMBERSHIP, caller.userId(), List.copyOf(caller.areas()), now);
        }
        if (caller.hasRole(DsrRoles.PROFESSIONAL)) {
            return new PersonScope(Kind.MEMBERSHIP, caller.userId(), List.of(), now);
        }
        return new PersonScope(Kind.NO_ONE, null, List.of(), now);
    }

    /** Whether the caller sees no one, so that a list need not be queried at all. */
    public boolean seesNoOne() {
        return kind == Kind.NO_ONE;
    }

    public String condition(String personIdColumn) {
        return switch (kind) {
            case EVERYONE -> "TRUE";
            case NO_ONE -> "FALSE";
            case MEMBERSHIP -> membership(personIdColumn);
            case AREAS_OR_MEMBERSHIP -> "(" + personIdColumn + " NOT IN (SELECT person_id FROM dsr_kit.care_team "
                    + "WHERE area IS NOT NULL AND area <> '" + CareTeam.OUT_OF_AREA + "' AND NOT (area = ANY (?))) OR "
                    + membership(personIdColumn) + ")";
        };
    }

    private static String membership(String personIdColumn) {
        // Break-glass memberships are reads of one record, declared for an emergency; they never widen a list.
        return personIdColumn + " IN (SELECT person_id FROM dsr_kit.care_team_member WHERE subject = ? "
                + "AND role IN ('" + CareTeamRole.REFERRER + "', '" + CareTeamRole.RESPONSIBLE_PROFESSIONAL + "', '"
                + CareTeamRole.KEY_PROFESSIONAL + "') AND from_at <= ? AND (to_at IS NULL OR to_at > ?))";
    }

    /** Binds the condition's parameters from {@code index}; returns the index after the last one. */
    public int bind(PreparedStatement statement, int index) throws SQLException {
        int next = index;
        if (kind == Kind.AREAS_OR_MEMBERSHIP) {
            Connection connection = statement.getConnection();
            Array areaArray = connection.createArrayOf("text", areas.toArray());
            statement.setArray(next++, areaArray);
        }
        if (kind == Kind.MEMBERSHIP || kind == Kind.AREAS_OR_MEMBERSHIP) {
            statement.setString(next++, subject);
            statement.setTimestamp(next++, Timestamp.from(now));
            statement.setTimestamp(next++, Timestamp.from(now));
        }
        return next;
    }

    /** The parameters in order, for callers that bind through Micronaut Data or JdbcOperations. */
    public List<Object> parameters() {
        return switch (kind) {
            case EVERYONE, NO_ONE -> List.of();
            case MEMBERSHIP -> List.of(subject, Timestamp.from(now), Timestamp.from(now));
            case AREAS_OR_MEMBERSHIP -> List.of(areas.toArray(String[]::new), subject, Timestamp.from(now),
                    Timestamp.from(now));
        };
    }
}
