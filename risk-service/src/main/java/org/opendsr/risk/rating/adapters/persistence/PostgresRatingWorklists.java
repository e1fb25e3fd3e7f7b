package org.opendsr.risk.rating.adapters.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.rating.application.RatingWorklists;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** The RED and BLUE lists, filtered by need to know in SQL and paged by (rated on, personId). */
@Singleton
class PostgresRatingWorklists implements RatingWorklists {

    private final JdbcOperations jdbc;

    PostgresRatingWorklists(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Line> rated(RagRating rating, String area, PersonScope scope, WorklistPage.After after, int limit) {
        String sql = "SELECT p.*, t.area FROM person_rating p LEFT JOIN dsr_kit.care_team t ON t.person_id = p.person_id"
                + " WHERE p.current_rating = ? AND " + scope.condition("p.person_id")
                + (area == null ? "" : " AND t.area = ?")
                + (after == null ? "" : " AND (p.current_since_on, p.person_id) > (?, ?)")
                + " ORDER BY p.current_since_on, p.person_id LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            statement.setString(index++, rating.name());
            index = scope.bind(statement, index);
            if (area != null) {
                statement.setString(index++, area);
            }
            if (after != null) {
                statement.setObject(index++, after.day(), Types.DATE);
                statement.setObject(index++, after.id());
            }
            statement.setInt(index, limit + 1);
            List<Line> lines = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String setting = row.getString("inpatient_setting");
                    lines.add(new Line(row.getObject("person_id", UUID.class),
                            RagRating.valueOf(row.getString("current_rating")),
                            row.getTimestamp("current_since").toInstant(),
                            row.getDate("current_since_on").toLocalDate(), row.getBoolean("current_indicative"),
                            row.getString("area"), dateOf(row.getDate("admitted_on")),
                            setting == null ? null : InpatientSetting.valueOf(setting),
                            dateOf(row.getDate("no_lowering_before"))));
                }
            }
            return lines;
        });
    }

    private static java.time.LocalDate dateOf(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
