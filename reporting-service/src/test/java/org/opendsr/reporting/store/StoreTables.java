package org.opendsr.reporting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.transaction.TransactionOperations;
import org.opendsr.reporting.store.domain.Pseudonym;

/** The store's rows as a test reads them (plain SQL, outside the service's code). */
final class StoreTables {

    private final TransactionOperations<Connection> transactions;

    StoreTables(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Each fact of these people, every column but seq, as text, sorted: equal stores give equal lists. */
    List<String> factsOf(Collection<Pseudonym> people) {
        return rows("SELECT concat_ws('|', encode(pseudonym, 'hex'), kind, occurred_on, arrived_month, code, detail, "
                + "due_on, on_time, encode(record_key, 'hex'), locality, age_band, life_stage) FROM reporting_fact "
                + "WHERE pseudonym = ANY (?) ORDER BY 1", people);
    }

    List<String> kindsOf(Pseudonym person) {
        return rows("SELECT kind FROM reporting_fact WHERE pseudonym = ANY (?) ORDER BY seq", List.of(person));
    }

    List<String> peopleOf(Collection<Pseudonym> people) {
        return rows("SELECT concat_ws('|', encode(pseudonym, 'hex'), age_band, life_stage, locality, diagnosis, "
                + "ethnic_category, referral_route) FROM reporting_person WHERE pseudonym = ANY (?) ORDER BY 1", people);
    }

    Map<String, String> person(Pseudonym person) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT age_band, life_stage, locality, diagnosis, ethnic_category, referral_route "
                            + "FROM reporting_person WHERE pseudonym = ?")) {
                select.setBytes(1, person.bytes());
                try (ResultSet row = select.executeQuery()) {
                    Map<String, String> columns = new TreeMap<>();
                    if (row.next()) {
                        for (int i = 1; i <= 6; i++) {
                            if (row.getString(i) != null) {
                                columns.put(row.getMetaData().getColumnName(i), row.getString(i));
                            }
                        }
                    }
                    return columns;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The version of the person's row (its xmin): a new one whenever the row is written, none when left alone. */
    String rowVersionOf(Pseudonym person) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT xmin::text FROM reporting_person WHERE pseudonym = ?")) {
                select.setBytes(1, person.bytes());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    long count(String sql) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql);
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    boolean tableExists(String table) {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '"
                + table + "'") > 0;
    }

    private List<String> rows(String sql, Collection<Pseudonym> people) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("bytea",
                        people.stream().map(Pseudonym::bytes).toArray(byte[][]::new)));
                List<String> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
