package org.opendsr.reporting.snapshots;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.transaction.TransactionOperations;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;

/**
 * Writes the pseudonymised store directly with SQL, as the store's projection would (random 32-byte pseudonyms and
 * record keys), and reads the figures back as plain maps for the tests.
 */
final class StoreFacts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransactionOperations<Connection> transactions;

    StoreFacts(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Empties the store (not the snapshots, which are frozen). */
    void wipe() {
        sql("DELETE FROM reporting_fact; DELETE FROM reporting_person; UPDATE reporting_store_state SET last_cut_seq = 0");
    }

    void sql(String sql) {
        transactions.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    long number(String sql) {
        return transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** A person the store knows: locality, age band, life stage, diagnosis, ethnic category, referral route. */
    byte[] person(String locality, String ageBand, String lifeStage, String diagnosis, String ethnicCategory,
                  String route) {
        byte[] pseudonym = key();
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO reporting_person (pseudonym, locality, age_band, life_stage, diagnosis, ethnic_category,"
                            + " referral_route) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setBytes(1, pseudonym);
                insert.setString(2, locality);
                insert.setString(3, ageBand);
                insert.setString(4, lifeStage);
                insert.setString(5, diagnosis);
                insert.setString(6, ethnicCategory);
                insert.setString(7, route);
                insert.executeUpdate();
            }
            return null;
        });
        return pseudonym;
    }

    /** Someone in Swindon, 25 to 34, an adult with a learning disability, ethnic category A, referred professionally. */
    byte[] person() {
        return person("SWINDON", "AGE_25_TO_34", "ADULT", "LEARNING_DISABILITY", "A", "PROFESSIONAL");
    }

    /** A person whose referral event has not arrived: no attributes at all. */
    static byte[] unknownPerson() {
        return key();
    }

    Fact fact(String kind, byte[] pseudonym, LocalDate occurredOn) {
        return new Fact(kind, pseudonym, occurredOn);
    }

    /** A fact to append; arrived in the month it occurred unless said otherwise. */
    final class Fact {
        private final String kind;
        private final byte[] pseudonym;
        private final LocalDate occurredOn;
        private YearMonth arrived;
        private String code;
        private String detail;
        private LocalDate dueOn;
        private Boolean onTime;
        private byte[] recordKey;
        private String locality;
        private String ageBand;
        private String lifeStage;

        private Fact(String kind, byte[] pseudonym, LocalDate occurredOn) {
            this.kind = kind;
            this.pseudonym = pseudonym;
            this.occurredOn = occurredOn;
            this.arrived = YearMonth.from(occurredOn);
        }

        Fact arrived(YearMonth month) {
            this.arrived = month;
            return this;
        }

        Fact code(String value) {
            this.code = value;
            return this;
        }

        Fact detail(String value) {
            this.detail = value;
            return this;
        }

        Fact due(LocalDate value) {
            this.dueOn = value;
            return this;
        }

        Fact onTime(Boolean value) {
            this.onTime = value;
            return this;
        }

        Fact record(byte[] value) {
            this.recordKey = value;
            return this;
        }

        Fact where(String localityValue, String ageBandValue, String lifeStageValue) {
            this.locality = localityValue;
            this.ageBand = ageBandValue;
            this.lifeStage = lifeStageValue;
            return this;
        }

        Fact in(String localityValue) {
            this.locality = localityValue;
            return this;
        }

        /** @return its seq */
        long add() {
            return transactions.executeWrite(status -> insert(status.getConnection()));
        }

        /** Adds it that many times (each its own fact). */
        void times(int count) {
            for (int i = 0; i < count; i++) {
                add();
            }
        }

        private long insert(Connection connection) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO reporting_fact (pseudonym, kind, occurred_on, arrived_month, code, detail, due_on, "
                            + "on_time, record_key, locality, age_band, life_stage) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq")) {
                insert.setBytes(1, pseudonym);
                insert.setString(2, kind);
                insert.setObject(3, occurredOn);
                insert.setObject(4, arrived.atDay(1));
                insert.setString(5, code);
                insert.setString(6, detail);
                insert.setObject(7, dueOn, Types.DATE);
                if (onTime == null) {
                    insert.setNull(8, Types.BOOLEAN);
                } else {
                    insert.setBoolean(8, onTime);
                }
                insert.setBytes(9, recordKey);
                insert.setString(10, locality);
                insert.setString(11, ageBand);
                insert.setString(12, lifeStage);
                try (ResultSet seq = insert.executeQuery()) {
                    seq.next();
                    return seq.getLong(1);
                }
            }
        }
    }

    // ---- reading figures ------------------------------------------------------------------------------------------

    /** category -> count of one group and dimension of a measure (absent categories are 0). */
    static Map<String, Long> counts(MonthCells month, Measure measure, String group, Dimension dimension) {
        Map<String, Long> counts = new LinkedHashMap<>();
        cells(month, measure, group, dimension).forEach(cell -> counts.put(cell.category(), cell.count()));
        return counts;
    }

    static List<RawCell> cells(MonthCells month, Measure measure, String group, Dimension dimension) {
        List<RawCell> cells = new ArrayList<>();
        for (RawCell cell : month.cells()) {
            if (cell.measure() == measure && cell.group().equals(group) && cell.dimension() == dimension) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** The TOTAL cell of a group, if any. */
    static Optional<RawCell> total(MonthCells month, Measure measure, String group) {
        return cells(month, measure, group, Dimension.TOTAL).stream().findFirst();
    }

    static long totalCount(MonthCells month, Measure measure, String group) {
        return total(month, measure, group).map(RawCell::count).orElse(0L);
    }
}
