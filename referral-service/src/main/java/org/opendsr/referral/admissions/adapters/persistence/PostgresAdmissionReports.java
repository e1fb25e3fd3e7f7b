package org.opendsr.referral.admissions.adapters.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.referral.shared.adapters.persistence.KeysetSql;
import org.opendsr.referral.admissions.application.AdmissionReports;
import org.opendsr.referral.admissions.domain.AdmissionReport;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link AdmissionReports} in PostgreSQL ({@code admission_report}, migration V12). */
@Singleton
class PostgresAdmissionReports implements AdmissionReports {

    private static final String COLUMNS = "id, nhs_number, date_of_birth, admitted_on, hospital, reported_by,"
            + " received_at, person_id, on_register, area, resolution, referral_id, reason, resolved_by, resolved_at";

    private final JdbcOperations jdbc;

    PostgresAdmissionReports(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addOnce(AdmissionReport report) {
        return jdbc.prepareStatement("INSERT INTO admission_report (id, nhs_number, date_of_birth, admitted_on,"
                + " hospital, reported_by, received_at, person_id, on_register, area) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (reported_by, nhs_number, date_of_birth, admitted_on) DO NOTHING", insert -> {
                    insert.setObject(1, report.id());
                    insert.setString(2, report.nhsNumber());
                    insert.setDate(3, Date.valueOf(report.dateOfBirth()));
                    insert.setDate(4, Date.valueOf(report.admittedOn()));
                    insert.setString(5, report.hospital());
                    insert.setString(6, report.reportedBy());
                    insert.setTimestamp(7, Timestamp.from(report.receivedAt()));
                    insert.setObject(8, report.personId());
                    insert.setBoolean(9, report.onRegister());
                    insert.setString(10, report.area());
                    return insert.executeUpdate() == 1;
                });
    }

    @Override
    public Optional<AdmissionReport> byId(UUID reportId) {
        return one("SELECT " + COLUMNS + " FROM admission_report WHERE id = ?", reportId);
    }

    @Override
    public Optional<AdmissionReport> lockedById(UUID reportId) {
        return one("SELECT " + COLUMNS + " FROM admission_report WHERE id = ? FOR UPDATE", reportId);
    }

    @Override
    public void save(AdmissionReport report) {
        AdmissionReport.Resolution resolution = report.resolution();
        jdbc.prepareStatement("UPDATE admission_report SET person_id = ?, resolution = ?, referral_id = ?, reason = ?,"
                + " resolved_by = ?, resolved_at = ? WHERE id = ?", update -> {
                    update.setObject(1, report.personId());
                    update.setString(2, resolution == null ? null : resolution.outcome().name());
                    update.setObject(3, resolution == null ? null : resolution.referralId());
                    update.setString(4, resolution == null ? null : resolution.reason());
                    update.setString(5, resolution == null ? null : resolution.resolvedBy());
                    update.setTimestamp(6, resolution == null ? null : Timestamp.from(resolution.resolvedAt()));
                    update.setObject(7, report.id());
                    return update.executeUpdate();
                });
    }

    @Override
    public KeysetPage<AdmissionReport> open(Scope scope, PageRequest page) {
        // A report about a known person is seen as the person is (the kit's one need-to-know condition on their care
        // team); one about nobody known by its area, where no area (or out of area) is every team's to pick up.
        StringBuilder where = new StringBuilder(" FROM admission_report WHERE resolution IS NULL AND ((person_id IS NOT"
                + " NULL AND " + scope.people().condition("person_id") + ") OR (person_id IS NULL AND ");
        List<Object> parameters = new ArrayList<>(scope.people().parameters());
        if (scope.everyArea()) {
            where.append("TRUE))");
        } else {
            where.append(CareTeam.noAreaOrOneOf("area")).append("))");
            parameters.add(scope.areas().toArray(String[]::new));
        }
        long total = count("SELECT count(*)" + where, parameters);
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "received_at", "id", ">", seek);
        seek.add(page.fetch());
        List<AdmissionReport> reports = jdbc.prepareStatement("SELECT " + COLUMNS + where + after
                + " ORDER BY received_at, id LIMIT ?", select -> {
                    KeysetSql.bind(select, seek);
                    List<AdmissionReport> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(report(rows));
                        }
                    }
                    return found;
                });
        return KeysetPage.of(reports, page, total, report -> PageCursor.of(report.receivedAt(), report.id()));
    }

    private Optional<AdmissionReport> one(String sql, UUID reportId) {
        return jdbc.prepareStatement(sql, select -> {
            select.setObject(1, reportId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(report(rows)) : Optional.<AdmissionReport>empty();
            }
        });
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


    private static AdmissionReport report(ResultSet rows) throws SQLException {
        String outcome = rows.getString("resolution");
        AdmissionReport.Resolution resolution = outcome == null ? null : new AdmissionReport.Resolution(
                AdmissionReport.Outcome.valueOf(outcome), rows.getObject("referral_id", UUID.class),
                rows.getString("reason"), rows.getString("resolved_by"), rows.getTimestamp("resolved_at").toInstant());
        return new AdmissionReport(rows.getObject("id", UUID.class), rows.getString("nhs_number"),
                rows.getObject("date_of_birth", LocalDate.class), rows.getObject("admitted_on", LocalDate.class),
                rows.getString("hospital"), rows.getString("reported_by"),
                rows.getTimestamp("received_at").toInstant(), rows.getObject("person_id", UUID.class),
                rows.getBoolean("on_register"), rows.getString("area"), resolution);
    }
}
