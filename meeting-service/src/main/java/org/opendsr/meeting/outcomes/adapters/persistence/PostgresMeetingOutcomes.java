package org.opendsr.meeting.outcomes.adapters.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.meeting.outcomes.application.MeetingOutcomes;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.AgreedRating;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.RecommendationStatus;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;
import org.opendsr.kit.paging.WorklistPage;

/**
 * The {@code meeting_outcome}, {@code meeting_action} and {@code service_recommendation} tables
 * (V6__outcomes_actions_recommendations.sql). Worklists are filtered by the caller's scope in SQL and keyset paged by
 * a day and an id.
 */
@Singleton
class PostgresMeetingOutcomes implements MeetingOutcomes {

    /**
     * The actions of a person who left the register are no longer chased: never announced overdue, on no worklist or
     * agenda (they stay in the person's outcomes as they were). Re-accepted, the person's open actions come back.
     */
    private static final String OF_PEOPLE_STILL_ON_THE_REGISTER = "NOT EXISTS (SELECT 1 FROM register_person gone "
            + "WHERE gone.person_id = meeting_action.person_id AND NOT gone.on_register "
            + "AND gone.removed_at IS NOT NULL)";

    private final JdbcOperations jdbc;

    PostgresMeetingOutcomes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RecordedOutcome recorded) {
        MeetingOutcome.Snapshot o = recorded.outcome().snapshot();
        jdbc.prepareStatement("INSERT INTO meeting_outcome (id, meeting_id, meeting_kind, person_id, area, "
                + "meeting_day, summary, decisions, agreed_rating, rating_rationale, "
                + "discussed_with_person_and_family, recorded_at, recorded_by, feedback_due_on, feedback_given_at, "
                + "feedback_given_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setObject(1, o.id());
                    statement.setObject(2, o.meetingId());
                    statement.setString(3, o.meetingKind().name());
                    statement.setObject(4, o.personId());
                    statement.setString(5, o.area());
                    statement.setObject(6, o.meetingDay(), Types.DATE);
                    statement.setString(7, o.summary());
                    statement.setArray(8, statement.getConnection().createArrayOf("text",
                            o.decisions().toArray()));
                    AgreedRating rating = o.agreedRating();
                    statement.setString(9, rating == null ? null : rating.rating().name());
                    statement.setString(10, rating == null ? null : rating.rationale());
                    statement.setObject(11, rating == null ? null : rating.discussedWithPersonAndFamily(),
                            Types.BOOLEAN);
                    statement.setTimestamp(12, Timestamp.from(o.recordedAt()));
                    statement.setString(13, o.recordedBy());
                    statement.setObject(14, o.feedbackDueOn(), Types.DATE);
                    statement.setTimestamp(15, timestamp(o.feedbackGivenAt()));
                    statement.setString(16, o.feedbackGivenBy());
                    return statement.executeUpdate();
                });
        for (AgreedAction action : recorded.actions()) {
            AgreedAction.Snapshot a = action.snapshot();
            jdbc.prepareStatement("INSERT INTO meeting_action (id, outcome_id, meeting_id, person_id, area, "
                    + "description, owner_agency, owner_subject, due_on, done_on, done_at, done_by, "
                    + "overdue_announced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                        statement.setObject(1, a.id());
                        statement.setObject(2, a.outcomeId());
                        statement.setObject(3, a.meetingId());
                        statement.setObject(4, a.personId());
                        statement.setString(5, a.area());
                        statement.setString(6, a.description());
                        statement.setString(7, a.ownerAgency());
                        statement.setString(8, a.ownerSubject());
                        statement.setObject(9, a.dueOn(), Types.DATE);
                        statement.setObject(10, a.doneOn(), Types.DATE);
                        statement.setTimestamp(11, timestamp(a.doneAt()));
                        statement.setString(12, a.doneBy());
                        statement.setBoolean(13, a.overdueAnnounced());
                        return statement.executeUpdate();
                    });
        }
        for (ServiceRecommendation recommendation : recorded.recommendations()) {
            ServiceRecommendation.Snapshot r = recommendation.snapshot();
            jdbc.prepareStatement("INSERT INTO service_recommendation (id, outcome_id, meeting_id, person_id, area, "
                    + "service_type, note, made_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                        statement.setObject(1, r.id());
                        statement.setObject(2, r.outcomeId());
                        statement.setObject(3, r.meetingId());
                        statement.setObject(4, r.personId());
                        statement.setString(5, r.area());
                        statement.setString(6, r.serviceType());
                        statement.setString(7, r.note());
                        statement.setObject(8, r.madeOn(), Types.DATE);
                        statement.setString(9, r.status().name());
                        return statement.executeUpdate();
                    });
        }
    }

    @Override
    public Optional<UUID> outcomeAbout(UUID meetingId, UUID personId) {
        return jdbc.prepareStatement("SELECT id FROM meeting_outcome WHERE meeting_id = ? AND person_id = ?",
                statement -> {
                    statement.setObject(1, meetingId);
                    statement.setObject(2, personId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
                    }
                });
    }

    @Override
    public Optional<RecordedOutcome> find(UUID outcomeId) {
        return withParts(outcomes("SELECT * FROM meeting_outcome WHERE id = ?", List.of(outcomeId)))
                .stream().findFirst();
    }

    @Override
    public Optional<MeetingOutcome> findForUpdate(UUID outcomeId) {
        return outcomes("SELECT * FROM meeting_outcome WHERE id = ? FOR UPDATE", List.of(outcomeId))
                .stream().findFirst();
    }

    @Override
    public void save(MeetingOutcome outcome) {
        MeetingOutcome.Snapshot o = outcome.snapshot();
        jdbc.prepareStatement("UPDATE meeting_outcome SET feedback_given_at = ?, feedback_given_by = ? WHERE id = ?",
                statement -> {
                    statement.setTimestamp(1, timestamp(o.feedbackGivenAt()));
                    statement.setString(2, o.feedbackGivenBy());
                    statement.setObject(3, o.id());
                    return statement.executeUpdate();
                });
    }

    @Override
    public List<RecordedOutcome> ofMeeting(UUID meetingId, @Nullable PersonScope scope) {
        String condition = scope == null ? "TRUE" : scope.condition("person_id");
        List<Object> parameters = new ArrayList<>();
        parameters.add(meetingId);
        if (scope != null) {
            parameters.addAll(scope.parameters());
        }
        return withParts(outcomes("SELECT * FROM meeting_outcome WHERE meeting_id = ? AND " + condition
                + " ORDER BY recorded_at, id", parameters));
    }

    @Override
    public List<RecordedOutcome> ofPerson(UUID personId) {
        return withParts(outcomes("SELECT * FROM meeting_outcome WHERE person_id = ? "
                + "ORDER BY meeting_day DESC, recorded_at DESC, id", List.of(personId)));
    }

    @Override
    public Optional<AgreedAction> findAction(UUID actionId) {
        return actions("SELECT * FROM meeting_action WHERE id = ?", List.of(actionId)).stream().findFirst();
    }

    @Override
    public Optional<AgreedAction> findActionForUpdate(UUID actionId) {
        return actions("SELECT * FROM meeting_action WHERE id = ? FOR UPDATE", List.of(actionId)).stream()
                .findFirst();
    }

    @Override
    public void saveAction(AgreedAction action) {
        AgreedAction.Snapshot a = action.snapshot();
        jdbc.prepareStatement("UPDATE meeting_action SET done_on = ?, done_at = ?, done_by = ?, "
                + "overdue_announced = ? WHERE id = ?", statement -> {
                    statement.setObject(1, a.doneOn(), Types.DATE);
                    statement.setTimestamp(2, timestamp(a.doneAt()));
                    statement.setString(3, a.doneBy());
                    statement.setBoolean(4, a.overdueAnnounced());
                    statement.setObject(5, a.id());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<ServiceRecommendation> findRecommendation(UUID recommendationId) {
        return recommendations("SELECT * FROM service_recommendation WHERE id = ?", List.of(recommendationId))
                .stream().findFirst();
    }

    @Override
    public Optional<ServiceRecommendation> findRecommendationForUpdate(UUID recommendationId) {
        return recommendations("SELECT * FROM service_recommendation WHERE id = ? FOR UPDATE",
                List.of(recommendationId)).stream().findFirst();
    }

    @Override
    public void saveRecommendation(ServiceRecommendation recommendation) {
        ServiceRecommendation.Snapshot r = recommendation.snapshot();
        jdbc.prepareStatement("UPDATE service_recommendation SET status = ?, met_on = ?, unmet_reason = ?, "
                + "unmet_note = ?, marked_on = ?, marked_by = ? WHERE id = ?", statement -> {
                    statement.setString(1, r.status().name());
                    statement.setObject(2, r.metOn(), Types.DATE);
                    statement.setString(3, r.unmetReason() == null ? null : r.unmetReason().name());
                    statement.setString(4, r.unmetNote());
                    statement.setObject(5, r.markedOn(), Types.DATE);
                    statement.setString(6, r.markedBy());
                    statement.setObject(7, r.id());
                    return statement.executeUpdate();
                });
    }

    @Override
    public List<AgreedAction> pastDueUnannouncedForUpdate(LocalDate today, int limit) {
        return actions("SELECT * FROM meeting_action WHERE done_on IS NULL AND NOT overdue_announced "
                + "AND due_on < ? AND " + OF_PEOPLE_STILL_ON_THE_REGISTER
                + " ORDER BY due_on, id LIMIT ? FOR UPDATE SKIP LOCKED", List.of(date(today), limit));
    }

    @Override
    public List<AgreedAction> overdueActions(@Nullable String area, @Nullable String owner, LocalDate today,
                                             PersonScope scope, @Nullable WorklistPage.After after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM meeting_action WHERE done_on IS NULL AND due_on < ? AND ")
                .append(OF_PEOPLE_STILL_ON_THE_REGISTER).append(" AND ").append(scope.condition("person_id"));
        List<Object> parameters = new ArrayList<>(List.of(date(today)));
        parameters.addAll(scope.parameters());
        if (area != null) {
            sql.append(" AND area = ?");
            parameters.add(area);
        }
        if (owner != null) {
            sql.append(" AND (owner_subject = ? OR owner_agency = ?)");
            parameters.add(owner);
            parameters.add(owner);
        }
        return actions(paged(sql, "due_on", after, parameters, limit), parameters);
    }

    @Override
    public List<MeetingOutcome> feedbackDue(@Nullable String area, PersonScope scope,
                                            @Nullable WorklistPage.After after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM meeting_outcome WHERE feedback_given_at IS NULL AND ")
                .append(scope.condition("person_id"));
        List<Object> parameters = new ArrayList<>(scope.parameters());
        if (area != null) {
            sql.append(" AND area = ?");
            parameters.add(area);
        }
        return outcomes(paged(sql, "feedback_due_on", after, parameters, limit), parameters);
    }

    @Override
    public List<ServiceRecommendation> unmetRecommendations(@Nullable String area, @Nullable String serviceType,
                                                            PersonScope scope, @Nullable WorklistPage.After after,
                                                            int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM service_recommendation WHERE status = 'UNMET' AND ")
                .append(scope.condition("person_id"));
        List<Object> parameters = new ArrayList<>(scope.parameters());
        if (area != null) {
            sql.append(" AND area = ?");
            parameters.add(area);
        }
        if (serviceType != null) {
            sql.append(" AND service_type = ?");
            parameters.add(serviceType);
        }
        return recommendations(paged(sql, "marked_on", after, parameters, limit), parameters);
    }

    @Override
    public List<AgreedAction> overdueInArea(String area, LocalDate asOf) {
        return actions("SELECT * FROM meeting_action WHERE done_on IS NULL AND due_on < ? AND area = ? AND "
                + OF_PEOPLE_STILL_ON_THE_REGISTER + " ORDER BY due_on, id", List.of(date(asOf), area));
    }

    /** Appends the keyset condition, order and limit; adds their parameters. */
    private static String paged(StringBuilder sql, String dayColumn, @Nullable WorklistPage.After after,
                                List<Object> parameters, int limit) {
        if (after != null) {
            sql.append(" AND (").append(dayColumn).append(", id) > (?, ?)");
            parameters.add(date(after.day()));
            parameters.add(after.id());
        }
        sql.append(" ORDER BY ").append(dayColumn).append(", id LIMIT ?");
        parameters.add(limit);
        return sql.toString();
    }

    /** Each outcome with its actions and recommendations, read in two queries for the lot. */
    private List<RecordedOutcome> withParts(List<MeetingOutcome> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        UUID[] ids = found.stream().map(MeetingOutcome::id).toArray(UUID[]::new);
        Map<UUID, List<AgreedAction>> actions = new LinkedHashMap<>();
        actionsOf(ids).forEach(action -> actions.computeIfAbsent(action.outcomeId(), id -> new ArrayList<>())
                .add(action));
        Map<UUID, List<ServiceRecommendation>> recommendations = new LinkedHashMap<>();
        recommendationsOf(ids).forEach(recommendation -> recommendations
                .computeIfAbsent(recommendation.outcomeId(), id -> new ArrayList<>()).add(recommendation));
        return found.stream().map(outcome -> new RecordedOutcome(outcome,
                List.copyOf(actions.getOrDefault(outcome.id(), List.of())),
                List.copyOf(recommendations.getOrDefault(outcome.id(), List.of())))).toList();
    }

    private List<AgreedAction> actionsOf(UUID[] outcomeIds) {
        List<AgreedAction> found = new ArrayList<>(actions("SELECT * FROM meeting_action WHERE outcome_id = ANY (?)",
                List.of((Object) outcomeIds)));
        found.sort(Comparator.comparing(AgreedAction::dueOn).thenComparing(AgreedAction::id));
        return found;
    }

    private List<ServiceRecommendation> recommendationsOf(UUID[] outcomeIds) {
        List<ServiceRecommendation> found = new ArrayList<>(recommendations(
                "SELECT * FROM service_recommendation WHERE outcome_id = ANY (?) ORDER BY service_type, id",
                List.of((Object) outcomeIds)));
        return found;
    }

    private List<MeetingOutcome> outcomes(String sql, List<?> parameters) {
        return query(sql, parameters, PostgresMeetingOutcomes::outcomeOf);
    }

    private List<AgreedAction> actions(String sql, List<?> parameters) {
        return query(sql, parameters, PostgresMeetingOutcomes::actionOf);
    }

    private List<ServiceRecommendation> recommendations(String sql, List<?> parameters) {
        return query(sql, parameters, PostgresMeetingOutcomes::recommendationOf);
    }

    private interface Row<T> {
        T of(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> parameters, Row<T> mapping) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(mapping.of(rows));
                }
            }
            return found;
        });
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String[] texts) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
            } else if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("uuid", ids));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static MeetingOutcome outcomeOf(ResultSet row) throws SQLException {
        String rating = row.getString("agreed_rating");
        Array decisions = row.getArray("decisions");
        return MeetingOutcome.restore(new MeetingOutcome.Snapshot(row.getObject("id", UUID.class),
                row.getObject("meeting_id", UUID.class), MeetingKind.valueOf(row.getString("meeting_kind")),
                row.getObject("person_id", UUID.class), row.getString("area"),
                row.getObject("meeting_day", LocalDate.class), row.getString("summary"),
                decisions == null ? List.of() : Arrays.asList((String[]) decisions.getArray()),
                rating == null ? null : new AgreedRating(RagRating.valueOf(rating), row.getString("rating_rationale"),
                        row.getBoolean("discussed_with_person_and_family")),
                instant(row.getTimestamp("recorded_at")), row.getString("recorded_by"),
                row.getObject("feedback_due_on", LocalDate.class), instant(row.getTimestamp("feedback_given_at")),
                row.getString("feedback_given_by")));
    }

    private static AgreedAction actionOf(ResultSet row) throws SQLException {
        return AgreedAction.restore(new AgreedAction.Snapshot(row.getObject("id", UUID.class),
                row.getObject("outcome_id", UUID.class), row.getObject("meeting_id", UUID.class),
                row.getObject("person_id", UUID.class), row.getString("area"), row.getString("description"),
                row.getString("owner_agency"), row.getString("owner_subject"),
                row.getObject("due_on", LocalDate.class), row.getObject("done_on", LocalDate.class),
                instant(row.getTimestamp("done_at")), row.getString("done_by"), row.getBoolean("overdue_announced")));
    }

    private static ServiceRecommendation recommendationOf(ResultSet row) throws SQLException {
        String reason = row.getString("unmet_reason");
        return ServiceRecommendation.restore(new ServiceRecommendation.Snapshot(row.getObject("id", UUID.class),
                row.getObject("outcome_id", UUID.class), row.getObject("meeting_id", UUID.class),
                row.getObject("person_id", UUID.class), row.getString("area"), row.getString("service_type"),
                row.getString("note"), row.getObject("made_on", LocalDate.class),
                RecommendationStatus.valueOf(row.getString("status")), row.getObject("met_on", LocalDate.class),
                reason == null ? null : UnmetReason.valueOf(reason), row.getString("unmet_note"),
                row.getObject("marked_on", LocalDate.class), row.getString("marked_by")));
    }

    private static Date date(LocalDate day) {
        return Date.valueOf(day);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
