package org.opendsr.reporting.adapters.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.reporting.application.ReferralCounts;
import org.opendsr.reporting.publishing.domain.ReportingPeriod;

/** Counts of referrals received, per month, locality, route and age band. Nothing else is kept. */
@Singleton
public class PostgresReferralCounts implements ReferralCounts {

    private final TransactionOperations<Connection> transactions;

    public PostgresReferralCounts(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Adds one referral; runs in the consumer's transaction. */
    @Override
    public void addOne(YearMonth month, String locality, String route, String ageBand) {
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("needs the consumer's transaction")).getConnection();
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO referrals_received_monthly (month, locality, route, age_band, referrals) "
                        + "VALUES (?, ?, ?, ?, 1) ON CONFLICT (month, locality, route, age_band) "
                        + "DO UPDATE SET referrals = referrals_received_monthly.referrals + 1")) {
            upsert.setDate(1, Date.valueOf(month.atDay(1)));
            upsert.setString(2, locality);
            upsert.setString(3, route);
            upsert.setString(4, ageBand);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the referral", e);
        }
    }

    @Override
    public long total(ReportingPeriod period) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT coalesce(sum(referrals), 0) FROM referrals_received_monthly WHERE month BETWEEN ? AND ?")) {
                bind(select, period);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read referral counts", e);
            }
        });
    }

    @Override
    public List<Cell> by(Breakdown breakdown, ReportingPeriod period) {
        return transactions.executeRead(status -> {
            List<Cell> cells = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + columnOf(breakdown) + ", sum(referrals) FROM referrals_received_monthly "
                            + "WHERE month BETWEEN ? AND ? GROUP BY 1 ORDER BY 1")) {
                bind(select, period);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cells.add(new Cell(rows.getString(1), rows.getLong(2)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read referral counts", e);
            }
            return cells;
        });
    }

    /** Each breakdown is a column of the table. */
    private static String columnOf(Breakdown breakdown) {
        return switch (breakdown) {
            case ROUTE -> "route";
            case LOCALITY -> "locality";
            case AGE_BAND -> "age_band";
        };
    }

    private static void bind(PreparedStatement select, ReportingPeriod period) throws SQLException {
        select.setDate(1, Date.valueOf(period.firstMonth().atDay(1)));
        select.setDate(2, Date.valueOf(period.lastMonth().atDay(1)));
    }
}
