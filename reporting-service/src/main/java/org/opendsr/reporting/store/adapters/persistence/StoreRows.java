package org.opendsr.reporting.store.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opendsr.reporting.store.domain.Fact;
import org.opendsr.reporting.store.domain.PersonAttributes;
import org.opendsr.reporting.store.domain.Projection;
import org.opendsr.reporting.store.domain.Pseudonym;

/**
 * Writes facts and person attributes in batches: one {@code INSERT ... SELECT FROM unnest(...)} for any number of
 * facts (in order, so seq follows the order applied) and one upsert for any number of people. Shared by the live
 * writes and the rebuild.
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

    // A known value is never overwritten with null: COALESCE(new, old) for every attribute.
    private static final String UPSERT_PEOPLE = "INSERT INTO reporting_person (pseudonym, age_band, life_stage, locality, "
            + "diagnosis, ethnic_category, referral_route) "
            + "SELECT * FROM unnest(?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "ON CONFLICT (pseudonym) DO UPDATE SET "
            + "age_band = COALESCE(EXCLUDED.age_band, reporting_person.age_band), "
            + "life_stage = COALESCE(EXCLUDED.life_stage, reporting_person.life_stage), "
            + "locality = COALESCE(EXCLUDED.locality, reporting_person.locality), "
            + "diagnosis = COALESCE(EXCLUDED.diagnosis, reporting_person.diagnosis), "
            + "ethnic_category = COALESCE(EXCLUDED.ethnic_category, reporting_person.ethnic_category), "
            + "referral_route = COALESCE(EXCLUDED.referral_route, reporting_person.referral_route)";

    private StoreRows() {
    }

    /** What a run of events comes to, in the order applied: facts in order, each person's attributes merged. */
    static final class Pending {
        private final List<Fact> facts = new ArrayList<>();
        private final Map<Pseudonym, PersonAttributes> people = new LinkedHashMap<>();

        void add(Projection projection) {
            facts.addAll(projection.facts());
            for (PersonAttributes person : projection.people()) {
                people.merge(person.pseudonym(), person, PersonAttributes::then);
            }
        }

        boolean isEmpty() {
            return facts.isEmpty() && people.isEmpty();
        }

        int facts() {
            return facts.size();
        }

        void write(Connection connection) throws SQLException {
            insertFacts(connection, facts);
            // In pseudonym order, so that two transactions upserting the same people lock them in the same order.
            upsertPeople(connection, new TreeMap<>(people).values());
            facts.clear();
            people.clear();
        }
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
