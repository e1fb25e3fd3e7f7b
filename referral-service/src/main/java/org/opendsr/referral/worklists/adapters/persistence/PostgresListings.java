package org.opendsr.referral.worklists.adapters.persistence;

import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.shared.adapters.persistence.KeysetSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.worklists.application.Listings;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link Listings} in PostgreSQL. */
@Singleton
class PostgresListings implements Listings {

    private final JdbcOperations jdbc;

    PostgresListings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the register ---------------------------------------------------------------------------------------------

    // Who a filter lists, decided from each person's own rows through indexes: RegisterStatus.of as predicates. The
    // page is chosen (filtered, ordered by the person_listing_order index, limited) before anything is worked out for
    // a line, so a page costs its own lines, not a status, due date and latest removal for everyone on record.
    // Archived records (issue 16) are in no listing, whatever the filter: they are read one at a time, for a purpose.
    private static final String PEOPLE = " FROM person p LEFT JOIN register_entry e ON e.person_id = p.id"
            + " AND e.removed_at IS NULL WHERE p.archived_at IS NULL";
    private static final String WAITING = "EXISTS (SELECT 1 FROM referral r WHERE r.person_id = %s"
            + " AND r.status IN ('RECEIVED', 'CONTACTED'))";
    private static final String EVER_ON_REGISTER = "EXISTS (SELECT 1 FROM register_entry x WHERE x.person_id = %s)";
    /** Whether processing of the person's data is restricted (UK GDPR Article 18), shown on every line. */
    private static final String RESTRICTED = "EXISTS (SELECT 1 FROM processing_restriction pr WHERE pr.person_id = %s"
            + " AND pr.restricted)";
    private static final String OVERDUE = "EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id"
            + " AND r.status = 'RECEIVED' AND r.first_contact_due_on < ?)";

    /**
     * Each status as a predicate: ON_REGISTER with an open entry; else REFERRED while a referral waits for its outcome;
     * else REMOVED if they were ever on the register; else NOT_ACCEPTED (every referral declined or withdrawn).
     */
    static String hasStatus(String status) {
        String waiting = String.format(WAITING, "p.id");
        String ever = String.format(EVER_ON_REGISTER, "p.id");
        return switch (status) {
            case "ON_REGISTER" -> " AND e.id IS NOT NULL";
            case "REFERRED" -> " AND e.id IS NULL AND " + waiting;
            case "REMOVED" -> " AND e.id IS NULL AND NOT " + waiting + " AND " + ever;
            // A record merged into another has nothing left of its own: the survivor is listed instead.
            case "NOT_ACCEPTED" -> " AND e.id IS NULL AND NOT " + waiting + " AND NOT " + ever
                    + " AND NOT EXISTS (SELECT 1 FROM person_merged m WHERE m.merged_person = p.id)";
            default -> " AND false";
        };
    }

    /**
     * Without a status filter the listing is the DSR's current work: people on the register and people referred and
     * waiting for an outcome. Those removed or never accepted are listed only when asked for by status, so the
     * default listing does not grow with everyone ever referred.
     */
    static final String CURRENT = " AND (e.id IS NOT NULL OR " + String.format(WAITING, "p.id") + ")";

    // The page's own lines, then what each line shows: its status, first-contact due date and (REMOVED) its latest
    // closed entry. The total is counted over the same predicates, without sorting or working out any line.
    private static final String PAGE = "WITH page AS (SELECT p.id AS person_id, p.given_name, p.family_name,"
            + " p.locality, e.id AS entry_id, e.on_register_from, e.responsible_professional, e.unallocated_since"
            + PEOPLE + "%1$s%2$s ORDER BY lower(p.family_name), lower(p.given_name), p.id LIMIT ?)"
            + " SELECT page.*,"
            + "  CASE WHEN page.entry_id IS NOT NULL THEN 'ON_REGISTER'"
            + "   WHEN " + String.format(WAITING, "page.person_id") + " THEN 'REFERRED'"
            + "   WHEN " + String.format(EVER_ON_REGISTER, "page.person_id") + " THEN 'REMOVED'"
            + "   ELSE 'NOT_ACCEPTED' END AS status,"
            + "  (SELECT min(r.first_contact_due_on) FROM referral r WHERE r.person_id = page.person_id"
            + "   AND r.status = 'RECEIVED') AS first_contact_due_on,"
            + "  (c.removed_at AT TIME ZONE 'Europe/London')::date AS removed_on, c.removal_reason,"
            + "  " + String.format(RESTRICTED, "page.person_id") + " AS processing_restricted,"
            + "  (SELECT count(*)" + PEOPLE + "%1$s) AS total"
            + " FROM page"
            // The latest closed entry says when and why someone REMOVED left the register.
            + " LEFT JOIN LATERAL (SELECT x.removed_at, x.removal_reason FROM register_entry x"
            + "   WHERE x.person_id = page.person_id AND x.removed_at IS NOT NULL ORDER BY x.removed_at DESC LIMIT 1) c"
            + "  ON page.entry_id IS NULL"
            + " ORDER BY lower(page.family_name), lower(page.given_name), page.person_id";

    // Keyset paging by name: the cursor is the last person's id (never their name, which would travel in URLs), and the
    // page starts after that person's place in the person_listing_order index.
    private static final String AFTER_PERSON = " AND (lower(p.family_name), lower(p.given_name), p.id) >"
            + " (SELECT lower(k.family_name), lower(k.given_name), k.id FROM person k WHERE k.id = ?)";

    @Override
    public KeysetPage<RegisterLine> register(RegisterFilter filter, PersonScope scope, LocalDate today, PageRequest page) {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (filter.locality() != null) {
            where.append(" AND p.locality = ?");
            parameters.add(filter.locality());
        }
        where.append(filter.status() != null ? hasStatus(filter.status()) : CURRENT);
        where.append(" AND ").append(scope.condition("p.id"));
        parameters.addAll(scope.parameters());
        if (filter.responsibleProfessional() != null) {
            where.append(" AND e.responsible_professional = ?");
            parameters.add(filter.responsibleProfessional());
        }
        if (filter.firstContactOverdue() != null) {
            // Overdue: the earliest first contact due among referrals still waiting for it is before today.
            where.append(filter.firstContactOverdue() ? " AND " : " AND NOT ").append(OVERDUE);
            parameters.add(today);
        }
        List<Object> all = new ArrayList<>(parameters);
        String after = "";
        if (page.after() != null) {
            after = AFTER_PERSON;
            all.add(PageCursor.uuidPart(PageCursor.key(page.after(), 1).get(0)));
        }
        all.add(page.fetch());
        all.addAll(parameters);
        long[] total = {-1};
        List<RegisterLine> lines = jdbc.prepareStatement(String.format(PAGE, where, after), select -> {
            KeysetSql.bind(select, all);
            List<RegisterLine> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    total[0] = rows.getLong("total");
                    boolean removed = "REMOVED".equals(rows.getString("status"));
                    found.add(new RegisterLine(rows.getObject("person_id", UUID.class), rows.getString("given_name"),
                            rows.getString("family_name"), rows.getString("locality"), rows.getString("status"),
                            rows.getObject("entry_id", UUID.class), instant(rows, "on_register_from"),
                            rows.getString("responsible_professional"), instant(rows, "unallocated_since"),
                            rows.getObject("first_contact_due_on", LocalDate.class),
                            removed ? rows.getObject("removed_on", LocalDate.class) : null,
                            removed ? rows.getString("removal_reason") : null,
                            rows.getBoolean("processing_restricted")));
                }
            }
            return found;
        });
        // Only a page past the end, which has no line to carry the total, needs a count of its own.
        if (total[0] < 0) {
            total[0] = page.after() == null ? 0 : count("SELECT count(*)" + PEOPLE + where, parameters);
        }
        return KeysetPage.of(lines, page, total[0], line -> PageCursor.of(line.personId()));
    }

    // ---- worklists --------------------------------------------------------------------------------------------------

    @Override
    public KeysetPage<AwaitingContact> awaitingFirstContact(@Nullable Boolean overdue, PersonScope scope, LocalDate today,
                                                            PageRequest page) {
        String from = " FROM referral r JOIN person p ON p.id = r.person_id WHERE r.status = 'RECEIVED' AND "
                + scope.condition("p.id");
        List<Object> parameters = new ArrayList<>(scope.parameters());
        if (overdue != null) {
            from += overdue ? " AND r.first_contact_due_on < ?" : " AND r.first_contact_due_on >= ?";
            parameters.add(today);
        }
        long total = count("SELECT count(*)" + from, parameters);
        // Keyset: the cursor holds the last line's sort key (due date, time received, referral id).
        List<Object> seek = new ArrayList<>(parameters);
        String after = "";
        if (page.after() != null) {
            List<String> key = PageCursor.key(page.after(), 3);
            after = " AND (r.first_contact_due_on, r.received_at, r.id) > (?, ?, ?)";
            seek.add(PageCursor.datePart(key.get(0)));
            seek.add(Timestamp.from(PageCursor.instantPart(key.get(1))));
            seek.add(PageCursor.uuidPart(key.get(2)));
        }
        List<AwaitingContact> lines = list("SELECT r.id, r.person_id, r.route, r.received_at, r.first_contact_due_on,"
                + " r.complete, p.given_name, p.family_name, p.locality, " + String.format(RESTRICTED, "p.id")
                + from + after
                + " ORDER BY r.first_contact_due_on, r.received_at, r.id LIMIT ?", seek, page.fetch(),
                rows -> new AwaitingContact(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        rows.getString(3), instant(rows, "received_at"), rows.getObject(5, LocalDate.class),
                        rows.getBoolean(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getBoolean(10)));
        return KeysetPage.of(lines, page, total,
                line -> PageCursor.of(line.firstContactDueOn(), line.receivedAt(), line.referralId()));
    }

    @Override
    public KeysetPage<Unallocated> unallocated(PersonScope scope, PageRequest page) {
        String from = " FROM register_entry e JOIN person p ON p.id = e.person_id"
                + " WHERE e.removed_at IS NULL AND e.responsible_professional IS NULL AND " + scope.condition("p.id");
        List<Object> parameters = scope.parameters();
        long total = count("SELECT count(*)" + from, parameters);
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "e.unallocated_since", "e.id", ">", seek);
        List<Unallocated> lines = list("SELECT e.id, e.person_id, e.on_register_from, e.unallocated_since,"
                + " p.given_name, p.family_name, p.locality, " + String.format(RESTRICTED, "p.id") + from + after
                + " ORDER BY e.unallocated_since, e.id LIMIT ?",
                seek, page.fetch(),
                rows -> new Unallocated(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        instant(rows, "on_register_from"), instant(rows, "unallocated_since"), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getBoolean(8)));
        return KeysetPage.of(lines, page, total, line -> PageCursor.of(line.unallocatedSince(), line.registerEntryId()));
    }

    @Override
    public KeysetPage<DuplicateFlag> openDuplicateFlags(PersonScope scope, PageRequest page) {
        // Both people of a flag must be the caller's to see: the flag shows each one's identity.
        String from = " FROM possible_duplicate d JOIN person a ON a.id = d.person_a JOIN person b ON b.id = d.person_b"
                + " WHERE d.resolved_at IS NULL AND a.archived_at IS NULL AND b.archived_at IS NULL AND "
                + scope.condition("a.id") + " AND " + scope.condition("b.id");
        List<Object> parameters = new ArrayList<>(scope.parameters());
        parameters.addAll(scope.parameters());
        long total = count("SELECT count(*)" + from, parameters);
        String columns = "%1$s.id, %1$s.given_name, %1$s.family_name, %1$s.date_of_birth, %1$s.nhs_number,"
                + " %1$s.postcode, %1$s.locality";
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "d.flagged_at", "d.id", ">", seek);
        List<DuplicateFlag> lines = list("SELECT d.id, d.flagged_at, " + String.format(columns, "a") + ", "
                        + String.format(columns, "b") + ", " + String.format(RESTRICTED, "a.id") + ", "
                        + String.format(RESTRICTED, "b.id") + from + after + " ORDER BY d.flagged_at, d.id LIMIT ?",
                seek, page.fetch(), rows -> new DuplicateFlag(rows.getObject(1, UUID.class),
                        instant(rows, "flagged_at"), flaggedPerson(rows, 3, 17), flaggedPerson(rows, 10, 18)));
        return KeysetPage.of(lines, page, total, line -> PageCursor.of(line.flaggedAt(), line.flagId()));
    }

    private static FlaggedPerson flaggedPerson(ResultSet rows, int first, int restricted) throws SQLException {
        return new FlaggedPerson(rows.getObject(first, UUID.class), rows.getString(first + 1),
                rows.getString(first + 2), rows.getObject(first + 3, LocalDate.class), rows.getString(first + 4),
                rows.getString(first + 5), rows.getString(first + 6), rows.getBoolean(restricted));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private long count(String sql, List<Object> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            KeysetSql.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private <T> List<T> list(String sql, List<Object> parameters, int limit, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            List<Object> all = new ArrayList<>(parameters);
            all.add(limit);
            KeysetSql.bind(statement, all);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(mapper.map(rows));
                }
            }
            return found;
        });
    }


    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
