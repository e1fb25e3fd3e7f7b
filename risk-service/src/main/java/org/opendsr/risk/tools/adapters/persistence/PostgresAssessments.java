package org.opendsr.risk.tools.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.tools.application.Assessments;
import org.opendsr.risk.tools.domain.Assessment;

/** Assessments in {@code rating_assessment}, answers as a jsonb object questionId -> optionId. */
@Singleton
class PostgresAssessments implements Assessments {

    private static final String COLUMNS = "SELECT id, person_id, tool_id, version, answers::text, score, "
            + "key_questions_all_yes, suggested_rating, assessed_at, assessed_by FROM rating_assessment ";
    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcOperations jdbc;
    private final ObjectMapper json = new ObjectMapper();

    PostgresAssessments(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Assessment assessment) {
        String answers;
        try {
            answers = json.writeValueAsString(assessment.answers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers could not be written", e);
        }
        jdbc.prepareStatement("INSERT INTO rating_assessment (id, person_id, tool_id, version, answers, score, "
                + "key_questions_all_yes, suggested_rating, assessed_at, assessed_by) "
                + "VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)", insert -> {
                    insert.setObject(1, assessment.assessmentId());
                    insert.setObject(2, assessment.personId());
                    insert.setString(3, assessment.toolId());
                    insert.setInt(4, assessment.version());
                    insert.setString(5, answers);
                    insert.setInt(6, assessment.score());
                    insert.setBoolean(7, assessment.keyQuestionsAllYes());
                    insert.setString(8, assessment.suggestedRating().name());
                    insert.setTimestamp(9, Timestamp.from(assessment.assessedAt()));
                    insert.setString(10, assessment.assessedBy());
                    return insert.executeUpdate();
                });
    }

    @Override
    public Optional<Assessment> find(UUID personId, UUID assessmentId) {
        return query(COLUMNS + "WHERE person_id = ? AND id = ?", personId, assessmentId).stream().findFirst();
    }

    @Override
    public List<Assessment> of(UUID personId) {
        return query(COLUMNS + "WHERE person_id = ? ORDER BY assessed_at DESC, id", personId);
    }

    private List<Assessment> query(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Assessment> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(toAssessment(rows));
                }
            }
            return found;
        });
    }

    private Assessment toAssessment(ResultSet row) throws SQLException {
        Map<String, String> answers;
        try {
            answers = json.readValue(row.getString(5), ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers could not be read", e);
        }
        return new Assessment(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getInt(4), answers, row.getInt(6), row.getBoolean(7), RagRating.valueOf(row.getString(8)),
                row.getTimestamp(9).toInstant(), row.getString(10));
    }
}
