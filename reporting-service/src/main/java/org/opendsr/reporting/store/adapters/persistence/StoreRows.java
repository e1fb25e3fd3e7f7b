package org.opendsr.reporting.store.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.opendsr.reporting.store.domain.Fact;
import org.opendsr.reporting.store.domain.PersonAttributes;
import org.opendsr.reporting.store.domain.PersonChange;
import org.opendsr.reporting.store.domain.Projection;
import org.opendsr.reporting.store.domain.Pseudonym;

/**
 * Writes facts and person attributes in batches: one {@code INSERT ... SELECT FROM unnest(...)} for any number of
 * facts (in order, so seq follows the order applied) and one upsert for any number of people; merges and erasures
 * (issue 16) between them, in order. Shared by the live writes and the rebuild.
 */
final class StoreRows {

    private static final String INSERT_FACTS = "INSERT INTO reporting_fact (pseudonym, kind, occurred_on, arrived_month, "
            + "code, detail, due_on, on_time, record_key, locality, age_band, life_stage) "
            + "SELECT f.pseudonym, f.kind, f.occurred_on::date, f.arrived_month::date, f.code, f.detail, f.due_on::date, "
            + "f.on_time, f.record_key, f.locality, f.age_band, f.life_stage "
            + "FROM unnest(?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], "
            + "?::bytea[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY "
            + "AS f(pseudonym, kind, occurred_on, arrived_month, code, detail, due_on, on_time, record_key, locality, "
            + "age_band, life_stage, n) ORDER BY f.n";

    // A known value is never overwritten with null: COALESCE(new, old) for every attribute. A row the event changes
    // nothing in is left as it is (the WHERE): most events repeat what the store knows of the person, and an update
    // that changes nothing still writes a new version of the row and its index entry (on PostgreSQL 15, a third of
    // the upsert's time where every row was known and unchanged).
    private static final String UPSERT_PEOPLE = "INSERT INTO reporting_person (pseudonym, age_band, life_stage, locality, "
            + "diagnosis, ethnic_category, referral_route) "
            + "SELECT * FROM unnest(?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "ON CONFLICT (pseudonym) DO UPDATE SET "
            + "age_band = COALESCE(EXCLUDED.age_band, reporting_person.age_band), "
            + "life_stage = COALESCE(EXCLUDED.life_stage, reporting_person.life_stage), "
            + "locality = COALESCE(EXCLUDED.locality, reporting_person.locality), "
            + "diagnosis = COALESCE(EXCLUDED.diagnosis, reporting_person.diagnosis), "
            + "ethnic_category = COALESCE(EXCLUDED.ethnic_category, reporting_person.ethnic_category), "
            + "referral_route = COALESCE(EXCLUDED.referral_route, reporting_person.referral_route) "
            + "WHERE (reporting_person.age_band, reporting_person.life_stage, reporting_person.locality, "
            + "reporting_person.diagnosis, reporting_person.ethnic_category, reporting_person.referral_route) "
            + "IS DISTINCT FROM (COALESCE(EXCLUDED.age_band, reporting_person.age_band), "
            + "COALESCE(EXCLUDED.life_stage, reporting_person.life_stage), "
            + "COALESCE(EXCLUDED.locality, reporting_person.locality), "
            + "COALESCE(EXCLUDED.diagnosis, reporting_person.diagnosis), "
            + "COALESCE(EXCLUDED.ethnic_category, reporting_person.ethnic_category), "
            + "COALESCE(EXCLUDED.referral_route, reporting_person.referral_route))";

    /** 32 bytes from PostgreSQL's strong random source (gen_random_uuid, PostgreSQL 13+), a fresh value per row. */
    private static final String RANDOM_32_BYTES =
            "sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8'))";

    private StoreRows() {
    }

    /**
     * What a run of events comes to, in the order applied: facts in order, each person's attributes merged; a merge or
     * an erasure closes the run before it, so that it applies after what came before it and before what follows.
     *
     * <p>Live ({@code live}): facts and attributes of an erased person are not written back (a late event published
     * before another service erased the person, delivered after), and an erasure anonymises at once. A rebuild writes
     * everything it replays and records each erasure's tombstone only; it anonymises every erased person once, when it
     * finishes ({@link #anonymiseEveryErasedPerson}), so that the order the topics are replayed in does not matter.
     */
    static final class Pending {
        private final boolean live;
        private final List<Object> steps = new ArrayList<>();
        private Run run = new Run();

        Pending(boolean live) {
            this.live = live;
        }

        void add(Projection projection) {
            run.add(projection);
            if (!projection.changes().isEmpty()) {
                steps.add(run);
                steps.addAll(projection.changes());
                run = new Run();
            }
        }

        boolean isEmpty() {
            return steps.isEmpty() && run.facts.isEmpty() && run.people.isEmpty();
        }

        /** Writes everything held, in order; returns how many facts and attribute rows erasures re-keyed. */
        long write(Connection connection) throws SQLException {
            steps.add(run);
            run = new Run();
            long anonymised = 0;
            try {
                for (Object step : steps) {
                    if (step instanceof Run held) {
                        held.write(connection, live);
                    } else if (step instanceof PersonChange.Merged merged) {
                        anonymised += merge(connection, merged, live);
                    } else if (step instanceof PersonChange.Erased erased) {
                        anonymised += erase(connection, erased, live);
                    }
                }
            } finally {
                steps.clear();
            }
            return anonymised;
        }
    }

    /** Facts and attributes of events with no change between them. */
    private static final class Run {
        private final List<Fact> facts = new ArrayList<>();
        private final Map<Pseudonym, PersonAttributes> people = new LinkedHashMap<>();

        void add(Projection projection) {
            facts.addAll(projection.facts());
            for (PersonAttributes person : projection.people()) {
                people.merge(person.pseudonym(), person, PersonAttributes::then);
            }
        }

        void write(Connection connection, boolean live) throws SQLException {
            if (facts.isEmpty() && people.isEmpty()) {
                return;
            }
            Set<Pseudonym> persons = new HashSet<>(people.keySet());
            facts.stream().map(Fact::pseudonym).filter(Objects::nonNull).forEach(persons::add);
            Map<Pseudonym, Pseudonym> merged = mergedInto(connection, persons);
            Set<Pseudonym> erased = live ? erased(connection, persons, merged.values()) : Set.of();
            List<Fact> written = new ArrayList<>(facts.size());
            for (Fact fact : facts) {
                Pseudonym person = fact.pseudonym();
                if (person == null) {
                    written.add(fact);
                    continue;
                }
                Pseudonym owner = merged.getOrDefault(person, person);
                if (!erased.contains(person) && !erased.contains(owner)) {
                    written.add(owner.equals(person) ? fact : fact.under(owner));
                }
            }
            Map<Pseudonym, PersonAttributes> attributes = new LinkedHashMap<>();
            for (PersonAttributes person : people.values()) {
                Pseudonym owner = merged.getOrDefault(person.pseudonym(), person.pseudonym());
                if (!erased.contains(person.pseudonym()) && !erased.contains(owner)) {
                    attributes.merge(owner, person.under(owner), PersonAttributes::then);
                }
            }
            insertFacts(connection, written);
            // In pseudonym order, so that two transactions upserting the same people lock them in the same order.
            upsertPeople(connection, new TreeMap<>(attributes).values());
            facts.clear();
            people.clear();
        }
    }

    /** Of these pseudonyms, those merged into another, with the one they were merged into. */
    private static Map<Pseudonym, Pseudonym> mergedInto(Connection connection, Collection<Pseudonym> persons)
            throws SQLException {
        Map<Pseudonym, Pseudonym> merged = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT from_pseudonym, into_pseudonym FROM reporting_person_link WHERE from_pseudonym = ANY (?)")) {
            select.setArray(1, pseudonyms(connection, persons));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    merged.put(Pseudonym.of(rows.getBytes(1)), Pseudonym.of(rows.getBytes(2)));
                }
            }
        }
        return merged;
    }

    /** Of these pseudonyms, those erased. */
    private static Set<Pseudonym> erased(Connection connection, Collection<Pseudonym> persons,
                                         Collection<Pseudonym> owners) throws SQLException {
        Set<Pseudonym> asked = new HashSet<>(persons);
        asked.addAll(owners);
        Set<Pseudonym> erased = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pseudonym FROM reporting_erased_person WHERE pseudonym = ANY (?)")) {
            select.setArray(1, pseudonyms(connection, asked));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    erased.add(Pseudonym.of(rows.getBytes(1)));
                }
            }
        }
        return erased;
    }

    /**
     * A merge: {@code from} linked to the person {@code into} stands for (itself, or whom it was merged into), records
     * merged into {@code from} relinked to it too, and from's facts and attributes re-keyed to it (its own known
     * attributes win; from's fill what it does not know). Idempotent: applied again, nothing is left to move.
     * Live, a record merged into someone already erased is erased with them: tombstoned and anonymised on its own,
     * never moved under the erased pseudonym (returns the rows re-keyed so; 0 otherwise).
     */
    static long merge(Connection connection, PersonChange.Merged merged, boolean live) throws SQLException {
        if (merged.changesNothing()) {
            return 0;
        }
        byte[] from = merged.from().bytes();
        byte[] into = merged.into().bytes();
        try (PreparedStatement owner = connection.prepareStatement(
                "SELECT into_pseudonym FROM reporting_person_link WHERE from_pseudonym = ?")) {
            owner.setBytes(1, into);
            try (ResultSet row = owner.executeQuery()) {
                if (row.next()) {
                    into = row.getBytes(1);
                }
            }
        }
        if (java.util.Arrays.equals(from, into)) {
            return 0; // into was merged into from before: they are one already, under from
        }
        if (live && !erased(connection, List.of(Pseudonym.of(into)), List.of()).isEmpty()) {
            return erase(connection, new PersonChange.Erased(merged.from()), true);
        }
        execute(connection, "INSERT INTO reporting_person_link (from_pseudonym, into_pseudonym) VALUES (?, ?) "
                + "ON CONFLICT (from_pseudonym) DO UPDATE SET into_pseudonym = EXCLUDED.into_pseudonym", from, into);
        execute(connection, "UPDATE reporting_person_link SET into_pseudonym = ? WHERE into_pseudonym = ?", into, from);
        execute(connection, "UPDATE reporting_fact SET pseudonym = ? WHERE pseudonym = ?", into, from);
        execute(connection, "INSERT INTO reporting_person (pseudonym, age_band, life_stage, locality, diagnosis, "
                + "ethnic_category, referral_route) SELECT ?, age_band, life_stage, locality, diagnosis, ethnic_category, "
                + "referral_route FROM reporting_person WHERE pseudonym = ? ON CONFLICT (pseudonym) DO UPDATE SET "
                + "age_band = COALESCE(reporting_person.age_band, EXCLUDED.age_band), "
                + "life_stage = COALESCE(reporting_person.life_stage, EXCLUDED.life_stage), "
                + "locality = COALESCE(reporting_person.locality, EXCLUDED.locality), "
                + "diagnosis = COALESCE(reporting_person.diagnosis, EXCLUDED.diagnosis), "
                + "ethnic_category = COALESCE(reporting_person.ethnic_category, EXCLUDED.ethnic_category), "
                + "referral_route = COALESCE(reporting_person.referral_route, EXCLUDED.referral_route)", into, from);
        execute(connection, "DELETE FROM reporting_person WHERE pseudonym = ?", from);
        return 0;
    }

    /**
     * An erasure: the person's tombstone; live, also the records merged into them tombstoned, their links dropped and
     * their facts and attributes re-keyed at once (a rebuild does that for everyone when it finishes). Returns how
     * many rows were re-keyed.
     */
    static long erase(Connection connection, PersonChange.Erased erased, boolean live) throws SQLException {
        byte[] person = erased.person().bytes();
        execute(connection, "INSERT INTO reporting_erased_person (pseudonym) VALUES (?) ON CONFLICT DO NOTHING", person);
        if (!live) {
            return 0;
        }
        execute(connection, "INSERT INTO reporting_erased_person (pseudonym) SELECT from_pseudonym "
                + "FROM reporting_person_link WHERE into_pseudonym = ? ON CONFLICT DO NOTHING", person);
        execute(connection, "DELETE FROM reporting_person_link WHERE into_pseudonym = ? OR from_pseudonym = ?",
                person, person);
        return anonymise(connection, "WHERE pseudonym = ?", person);
    }

    /**
     * The end of a rebuild: every erased person (tombstones outlive rebuilds) and every record merged into one
     * tombstoned and unlinked, and their facts and attributes, written again by the replay, re-keyed.
     */
    static long anonymiseEveryErasedPerson(Connection connection) throws SQLException {
        execute(connection, "INSERT INTO reporting_erased_person (pseudonym) SELECT l.from_pseudonym "
                + "FROM reporting_person_link l JOIN reporting_erased_person e ON e.pseudonym = l.into_pseudonym "
                + "ON CONFLICT DO NOTHING");
        execute(connection, "DELETE FROM reporting_person_link l USING reporting_erased_person e "
                + "WHERE e.pseudonym = l.into_pseudonym OR e.pseudonym = l.from_pseudonym");
        return anonymise(connection, "");
    }

    /**
     * Re-keys the facts and attribute row of the erased people chosen by {@code where} to 32 random bytes each
     * (SHA-256 of two random UUIDs, from PostgreSQL's strong random source): one value per person, so their facts
     * still count as one person's, recorded nowhere else, so it leads back to no one. Their facts' record keys (keyed
     * pseudonyms of a referralId, obligationId or recommendationId, which the topics still pair with the personId) are
     * re-keyed the same way, one random value per record, so that a receipt still pairs with its decision. Returns the
     * rows re-keyed.
     */
    private static long anonymise(Connection connection, String where, byte[]... parameters) throws SQLException {
        String sql = "WITH erased AS MATERIALIZED (SELECT pseudonym, " + RANDOM_32_BYTES + " AS anonymous "
                + "FROM reporting_erased_person " + where + "), "
                + "records AS MATERIALIZED (SELECT record_key, " + RANDOM_32_BYTES + " AS anonymous FROM "
                + "(SELECT DISTINCT f.record_key FROM reporting_fact f JOIN erased e ON e.pseudonym = f.pseudonym "
                + "WHERE f.record_key IS NOT NULL) keys), "
                + "facts AS (UPDATE reporting_fact f SET pseudonym = e.anonymous, "
                + "record_key = (SELECT r.anonymous FROM records r WHERE r.record_key = f.record_key) FROM erased e "
                + "WHERE f.pseudonym = e.pseudonym RETURNING 1), "
                + "people AS (UPDATE reporting_person p SET pseudonym = e.anonymous FROM erased e "
                + "WHERE p.pseudonym = e.pseudonym RETURNING 1) "
                + "SELECT (SELECT count(*) FROM facts) + (SELECT count(*) FROM people)";
        try (PreparedStatement anonymise = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                anonymise.setBytes(i + 1, parameters[i]);
            }
            try (ResultSet row = anonymise.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void execute(Connection connection, String sql, byte[]... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setBytes(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static Array pseudonyms(Connection connection, Collection<Pseudonym> persons) throws SQLException {
        return connection.createArrayOf("bytea", persons.stream().map(Pseudonym::bytes).toArray(byte[][]::new));
    }

    static void insertFacts(Connection connection, List<Fact> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        int n = facts.size();
        byte[][] pseudonym = new byte[n][];
        String[] kind = new String[n];
        String[] occurredOn = new String[n];
        String[] arrivedMonth = new String[n];
        String[] code = new String[n];
        String[] detail = new String[n];
        String[] dueOn = new String[n];
        Boolean[] onTime = new Boolean[n];
        byte[][] recordKey = new byte[n][];
        String[] locality = new String[n];
        String[] ageBand = new String[n];
        String[] lifeStage = new String[n];
        for (int i = 0; i < n; i++) {
            Fact fact = facts.get(i);
            pseudonym[i] = bytes(fact.pseudonym());
            kind[i] = fact.kind().name();
            occurredOn[i] = fact.occurredOn().toString();
            arrivedMonth[i] = fact.arrivedMonth().toString();
            code[i] = fact.code();
            detail[i] = fact.detail();
            dueOn[i] = text(fact.dueOn());
            onTime[i] = fact.onTime();
            recordKey[i] = bytes(fact.recordKey());
            locality[i] = fact.locality();
            ageBand[i] = fact.ageBand();
            lifeStage[i] = fact.lifeStage();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FACTS)) {
            insert.setArray(1, connection.createArrayOf("bytea", pseudonym));
            insert.setArray(2, texts(connection, kind));
            insert.setArray(3, texts(connection, occurredOn));
            insert.setArray(4, texts(connection, arrivedMonth));
            insert.setArray(5, texts(connection, code));
            insert.setArray(6, texts(connection, detail));
            insert.setArray(7, texts(connection, dueOn));
            insert.setArray(8, connection.createArrayOf("bool", onTime));
            insert.setArray(9, connection.createArrayOf("bytea", recordKey));
            insert.setArray(10, texts(connection, locality));
            insert.setArray(11, texts(connection, ageBand));
            insert.setArray(12, texts(connection, lifeStage));
            insert.executeUpdate();
        }
    }

    static void upsertPeople(Connection connection, Collection<PersonAttributes> people) throws SQLException {
        if (people.isEmpty()) {
            return;
        }
        int n = people.size();
        byte[][] pseudonym = new byte[n][];
        String[][] columns = new String[6][n];
        int i = 0;
        for (PersonAttributes person : people) {
            pseudonym[i] = person.pseudonym().bytes();
            columns[0][i] = person.ageBand();
            columns[1][i] = person.lifeStage();
            columns[2][i] = person.locality();
            columns[3][i] = person.diagnosis();
            columns[4][i] = person.ethnicCategory();
            columns[5][i] = person.referralRoute();
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_PEOPLE)) {
            upsert.setArray(1, connection.createArrayOf("bytea", pseudonym));
            for (int c = 0; c < columns.length; c++) {
                upsert.setArray(c + 2, texts(connection, columns[c]));
            }
            upsert.executeUpdate();
        }
    }

    private static Array texts(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private static byte[] bytes(Pseudonym pseudonym) {
        return pseudonym == null ? null : pseudonym.bytes();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
