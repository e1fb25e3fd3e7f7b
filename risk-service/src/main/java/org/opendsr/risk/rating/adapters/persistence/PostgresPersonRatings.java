package org.opendsr.risk.rating.adapters.persistence;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.rating.domain.Admission;
import org.opendsr.risk.rating.domain.Decider;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.PersonRatings;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.rating.domain.Suggestion;
import org.opendsr.risk.shared.domain.InpatientSetting;
import org.opendsr.risk.shared.domain.RatingCause;

/** {@code person_rating} and the append-only {@code rating} history, in the caller's transaction. */
@Singleton
class PostgresPersonRatings implements PersonRatings {

    private final JdbcOperations jdbc;

    PostgresPersonRatings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PersonRating> find(UUID personId) {
        return one("SELECT * FROM person_rating WHERE person_id = ?", personId);
    }

    @Override
    public Optional<PersonRating> findForUpdate(UUID personId) {
        return one("SELECT * FROM person_rating WHERE person_id = ? FOR UPDATE", personId);
    }

    @Override
    public void save(PersonRating person) {
        jdbc.prepareStatement("""
                INSERT INTO person_rating (person_id, life_stage, age_band, on_register, register_entry_id,
                    indicative_at_referral, current_rating_id, current_rating, current_since, current_since_on,
                    current_indicative, inpatient, admitted_on, inpatient_setting, discharged_on, no_lowering_before,
                    turns_18_in, age_band_known_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (person_id) DO UPDATE SET life_stage = EXCLUDED.life_stage,
                    age_band = EXCLUDED.age_band, turns_18_in = EXCLUDED.turns_18_in,
                    age_band_known_on = EXCLUDED.age_band_known_on,
                    on_register = EXCLUDED.on_register, register_entry_id = EXCLUDED.register_entry_id,
                    indicative_at_referral = EXCLUDED.indicative_at_referral,
                    current_rating_id = EXCLUDED.current_rating_id, current_rating = EXCLUDED.current_rating,
                    current_since = EXCLUDED.current_since, current_since_on = EXCLUDED.current_since_on,
                    current_indicative = EXCLUDED.current_indicative, inpatient = EXCLUDED.inpatient,
                    admitted_on = EXCLUDED.admitted_on, inpatient_setting = EXCLUDED.inpatient_setting,
                    discharged_on = EXCLUDED.discharged_on, no_lowering_before = EXCLUDED.no_lowering_before,
                    updated_at = now()
                """, statement -> {
            Optional<PersonRating.CurrentRating> current = person.current();
            Admission admission = person.admission();
            statement.setObject(1, person.personId());
            statement.setString(2, person.lifeStage().name());
            statement.setString(3, person.ageBand().name());
            statement.setBoolean(4, person.onRegister());
            statement.setObject(5, person.registerEntryId());
            statement.setString(6, nameOf(person.indicativeAtReferral()));
            statement.setObject(7, current.map(PersonRating.CurrentRating::ratingId).orElse(null));
            statement.setString(8, current.map(rating -> rating.rating().name()).orElse(null));
            statement.setTimestamp(9, current.map(rating -> Timestamp.from(rating.since())).orElse(null));
            statement.setObject(10, current.map(PersonRating.CurrentRating::sinceOn).orElse(null), Types.DATE);
            statement.setObject(11, current.map(PersonRating.CurrentRating::indicative).orElse(null), Types.BOOLEAN);
            statement.setBoolean(12, admission.inpatient());
            statement.setObject(13, admission.admittedOn(), Types.DATE);
            statement.setString(14, nameOf(admission.setting()));
            statement.setObject(15, admission.dischargedOn(), Types.DATE);
            statement.setObject(16, admission.noLoweringBefore(), Types.DATE);
            statement.setString(17, person.turns18In() == null ? null : person.turns18In().toString());
            statement.setObject(18, person.ageBandKnownOn(), Types.DATE);
            return statement.executeUpdate();
        });
    }

    @Override
    public void append(RatingDecision decision) {
        jdbc.prepareStatement("""
                INSERT INTO rating (rating_id, person_id, rating, previous_rating, cause, indicative, decided_by,
                    decided_as, decided_at, rated_on, rationale, discussed_with_person_and_family, meeting_id,
                    assessment_id, tool_id, tool_version, suggested_rating, reason_for_differing_from_tool)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            Suggestion suggestion = decision.suggestion();
            statement.setObject(1, decision.ratingId());
            statement.setObject(2, decision.personId());
            statement.setString(3, decision.rating().name());
            statement.setString(4, nameOf(decision.previous()));
            statement.setString(5, decision.cause().name());
            statement.setBoolean(6, decision.indicative());
            statement.setString(7, decision.decidedBy());
            statement.setString(8, decision.decidedAs().name());
            statement.setTimestamp(9, Timestamp.from(decision.at()));
            statement.setObject(10, decision.on(), Types.DATE);
            statement.setString(11, decision.rationale());
            statement.setObject(12, decision.discussedWithPersonAndFamily(), Types.BOOLEAN);
            statement.setObject(13, decision.meetingId());
            statement.setObject(14, suggestion == null ? null : suggestion.assessmentId());
            statement.setString(15, suggestion == null ? null : suggestion.toolId());
            statement.setObject(16, suggestion == null ? null : suggestion.toolVersion(), Types.INTEGER);
            statement.setString(17, suggestion == null ? null : suggestion.suggested().name());
            statement.setString(18, decision.reasonForDifferingFromTool());
            return statement.executeUpdate();
        });
    }

    @Override
    public List<RatingDecision> historyOf(UUID personId) {
        return jdbc.prepareStatement(
                "SELECT * FROM rating WHERE person_id = ? ORDER BY decided_at DESC, rating_id", statement -> {
                    statement.setObject(1, personId);
                    try (ResultSet rows = statement.executeQuery()) {
                        java.util.ArrayList<RatingDecision> history = new java.util.ArrayList<>();
                        while (rows.next()) {
                            history.add(decisionOf(rows));
                        }
                        return List.copyOf(history);
                    }
                });
    }

    private Optional<PersonRating> one(String sql, UUID personId) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, personId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(personOf(row)) : Optional.<PersonRating>empty();
            }
        });
    }

    private static PersonRating personOf(ResultSet row) throws SQLException {
        String rating = row.getString("current_rating");
        PersonRating.CurrentRating current = rating == null ? null : new PersonRating.CurrentRating(
                row.getObject("current_rating_id", UUID.class), RagRating.valueOf(rating),
                row.getTimestamp("current_since").toInstant(), row.getObject("current_since_on",
                java.time.LocalDate.class), row.getBoolean("current_indicative"));
        String setting = row.getString("inpatient_setting");
        Admission admission = new Admission(row.getBoolean("inpatient"), dateOf(row, "admitted_on"),
                setting == null ? null : InpatientSetting.valueOf(setting), dateOf(row, "discharged_on"),
                dateOf(row, "no_lowering_before"));
        String indicative = row.getString("indicative_at_referral");
        String turns18In = row.getString("turns_18_in");
        return new PersonRating(row.getObject("person_id", UUID.class), LifeStage.valueOf(row.getString("life_stage")),
                turns18In == null ? null : java.time.YearMonth.parse(turns18In), AgeBand.valueOf(row.getString("age_band")),
                dateOf(row, "age_band_known_on"), row.getBoolean("on_register"),
                row.getObject("register_entry_id", UUID.class),
                indicative == null ? null : RagRating.valueOf(indicative), current, admission);
    }

    private static RatingDecision decisionOf(ResultSet row) throws SQLException {
        String suggested = row.getString("suggested_rating");
        Suggestion suggestion = suggested == null ? null : new Suggestion(row.getObject("assessment_id", UUID.class),
                row.getString("tool_id"), row.getInt("tool_version"), RagRating.valueOf(suggested));
        String previous = row.getString("previous_rating");
        Object discussed = row.getObject("discussed_with_person_and_family");
        return new RatingDecision(row.getObject("rating_id", UUID.class), row.getObject("person_id", UUID.class),
                RagRating.valueOf(row.getString("rating")), previous == null ? null : RagRating.valueOf(previous),
                RatingCause.valueOf(row.getString("cause")), row.getBoolean("indicative"),
                row.getString("decided_by"), Decider.valueOf(row.getString("decided_as")),
                row.getTimestamp("decided_at").toInstant(), dateOf(row, "rated_on"), row.getString("rationale"),
                (Boolean) discussed, row.getObject("meeting_id", UUID.class), suggestion,
                row.getString("reason_for_differing_from_tool"));
    }

    private static java.time.LocalDate dateOf(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
