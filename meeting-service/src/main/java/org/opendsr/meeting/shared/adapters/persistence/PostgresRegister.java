package org.opendsr.meeting.shared.adapters.persistence;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.shared.application.RegisterPeople;
import org.opendsr.meeting.shared.application.RegisterPerson;
import org.opendsr.meeting.shared.application.RegisterProjection;
import org.opendsr.meeting.shared.application.ReviewObligation;
import org.opendsr.meeting.shared.application.ReviewObligations;

/**
 * The projections of the register in PostgreSQL ({@code register_person}, {@code review_obligation}; V2). Every write
 * is an upsert, so a redelivered event writes the same row again.
 */
@Singleton
class PostgresRegister implements RegisterPeople, ReviewObligations, RegisterProjection {

    private final JdbcOperations jdbc;

    PostgresRegister(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<RegisterPerson> find(UUID personId) {
        return jdbc.prepareStatement("SELECT * FROM register_person WHERE person_id = ?", select -> {
            select.setObject(1, personId);
            return people(select).stream().findFirst();
        });
    }

    @Override
    @ReadOnly
    public List<RegisterPerson> knownInArea(String area) {
        return jdbc.prepareStatement("SELECT * FROM register_person WHERE area = ? ORDER BY person_id", select -> {
            select.setString(1, area);
            return people(select);
        });
    }

    @Override
    public void referred(UUID personId, String area, LifeStage lifeStage, Instant referredAt) {
        update("INSERT INTO register_person (person_id, area, life_stage, referred_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (person_id) DO UPDATE SET area = EXCLUDED.area, life_stage = EXCLUDED.life_stage, "
                + "referred_at = GREATEST(register_person.referred_at, EXCLUDED.referred_at), "
                // Referred again after leaving (or after a declined referral): awaiting a decision once more.
                + "accepted_at = CASE WHEN register_person.on_register THEN register_person.accepted_at END, "
                + "removed_at = CASE WHEN NOT register_person.on_register AND register_person.removed_at IS NOT NULL "
                + "AND register_person.removed_at < EXCLUDED.referred_at THEN NULL ELSE register_person.removed_at END, "
                + "updated_at = now()",
                personId, area, lifeStage.name(), Timestamp.from(referredAt));
    }

    @Override
    public void accepted(UUID personId, String area, LifeStage lifeStage, Instant acceptedAt) {
        update("INSERT INTO register_person (person_id, area, life_stage, accepted_at, on_register) "
                + "VALUES (?, ?, ?, ?, true) ON CONFLICT (person_id) DO UPDATE SET area = EXCLUDED.area, "
                + "life_stage = EXCLUDED.life_stage, accepted_at = EXCLUDED.accepted_at, on_register = true, "
                + "removed_at = NULL, updated_at = now()",
                personId, area, lifeStage.name(), Timestamp.from(acceptedAt));
    }

    @Override
    public boolean removed(UUID personId, Instant removedAt) {
        return update("UPDATE register_person SET on_register = false, removed_at = ?, updated_at = now() "
                + "WHERE person_id = ?", Timestamp.from(removedAt), personId) > 0;
    }

    @Override
    public boolean referralClosed(UUID personId, Instant closedAt) {
        return update("UPDATE register_person SET removed_at = ?, updated_at = now() WHERE person_id = ? "
                + "AND NOT on_register", Timestamp.from(closedAt), personId) > 0
                || find(personId).isPresent();
    }

    @Override
    public boolean moved(UUID personId, String area) {
        return update("UPDATE register_person SET area = ?, updated_at = now() WHERE person_id = ?", area,
                personId) > 0;
    }

    @Override
    public boolean turned18(UUID personId) {
        return update("UPDATE register_person SET life_stage = 'ADULT', updated_at = now() WHERE person_id = ?",
                personId) > 0;
    }

    @Override
    public boolean turning18In(UUID personId, java.time.YearMonth month) {
        return update("UPDATE register_person SET turns_18_in = COALESCE(turns_18_in, ?), updated_at = now() "
                + "WHERE person_id = ?", month.toString(), personId) > 0;
    }

    @Override
    public void rated(UUID personId, RagRating rating, @Nullable RagRating previous, LocalDate ratedOn,
                      boolean indicative, Instant at) {
        // An older rating event replayed after a newer one never rolls the rating back.
        update("INSERT INTO register_person (person_id, rating, previous_rating, rated_on, rating_indicative, "
                + "rating_changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET "
                + "rating = EXCLUDED.rating, previous_rating = EXCLUDED.previous_rating, rated_on = EXCLUDED.rated_on, "
                + "rating_indicative = EXCLUDED.rating_indicative, rating_changed_at = EXCLUDED.rating_changed_at, "
                + "updated_at = now() WHERE register_person.rating_changed_at IS NULL "
                + "OR register_person.rating_changed_at <= EXCLUDED.rating_changed_at",
                personId, rating.name(), previous == null ? null : previous.name(), Date.valueOf(ratedOn),
                indicative, Timestamp.from(at));
    }

    @Override
    public void updateOverdue(UUID personId, LocalDate dueOn) {
        update("INSERT INTO register_person (person_id, update_overdue_since) VALUES (?, ?) "
                + "ON CONFLICT (person_id) DO UPDATE SET update_overdue_since = EXCLUDED.update_overdue_since, "
                + "updated_at = now()", personId, Date.valueOf(dueOn));
    }

    @Override
    public void updatePosted(UUID personId) {
        update("INSERT INTO register_person (person_id) VALUES (?) ON CONFLICT (person_id) DO UPDATE SET "
                + "update_overdue_since = NULL, updated_at = now()", personId);
    }

    @Override
    public void consent(UUID personId, UUID consentId, @Nullable LocalDate renewalDueOn, ConsentStatus status) {
        update("INSERT INTO register_person (person_id, consent_id, consent_renewal_due_on, consent_status) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET consent_id = EXCLUDED.consent_id, "
                + "consent_renewal_due_on = EXCLUDED.consent_renewal_due_on, "
                + "consent_status = EXCLUDED.consent_status, updated_at = now()",
                personId, consentId, renewalDueOn == null ? null : Date.valueOf(renewalDueOn), status.name());
    }

    @Override
    public void consentStatus(UUID personId, UUID consentId, ConsentStatus status, @Nullable LocalDate renewalDueOn) {
        update("INSERT INTO register_person (person_id, consent_id, consent_status, consent_renewal_due_on) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET consent_status = EXCLUDED.consent_status, "
                + "consent_renewal_due_on = COALESCE(EXCLUDED.consent_renewal_due_on, "
                + "register_person.consent_renewal_due_on), updated_at = now() "
                + "WHERE register_person.consent_id IS NULL OR register_person.consent_id = EXCLUDED.consent_id",
                personId, consentId, status.name(), renewalDueOn == null ? null : Date.valueOf(renewalDueOn));
    }

    @Override
    public void obligationDue(UUID obligationId, UUID personId, ObligationKind kind, LocalDate dueOn,
                              RagRating rating) {
        // Announced again when it moves (a rescheduled obligation): the new date; a closed one stays closed.
        update("INSERT INTO review_obligation (obligation_id, person_id, kind, due_on, status, rating) "
                + "VALUES (?, ?, ?, ?, 'DUE', ?) ON CONFLICT (obligation_id) DO UPDATE SET due_on = EXCLUDED.due_on, "
                + "rating = EXCLUDED.rating, updated_at = now() "
                + "WHERE review_obligation.status IN ('DUE', 'OVERDUE')",
                obligationId, personId, kind.name(), Date.valueOf(dueOn), rating.name());
    }

    @Override
    public void obligationOverdue(UUID obligationId, UUID personId, ObligationKind kind, LocalDate dueOn) {
        update("INSERT INTO review_obligation (obligation_id, person_id, kind, due_on, status) "
                + "VALUES (?, ?, ?, ?, 'OVERDUE') ON CONFLICT (obligation_id) DO UPDATE SET status = 'OVERDUE', "
                + "updated_at = now() WHERE review_obligation.status = 'DUE'",
                obligationId, personId, kind.name(), Date.valueOf(dueOn));
    }

    @Override
    public void obligationClosed(UUID obligationId, UUID personId, ObligationKind kind,
                                 ReviewObligation.Status status) {
        // Closed before its due event was seen (another partition's order): kept closed, due today for the record.
        update("INSERT INTO review_obligation (obligation_id, person_id, kind, due_on, status) "
                + "VALUES (?, ?, ?, CURRENT_DATE, ?) ON CONFLICT (obligation_id) DO UPDATE SET status = EXCLUDED.status, "
                + "updated_at = now()", obligationId, personId, kind.name(), status.name());
    }

    @Override
    @ReadOnly
    public Optional<ReviewObligation> obligation(UUID obligationId) {
        return jdbc.prepareStatement("SELECT * FROM review_obligation WHERE obligation_id = ?", select -> {
            select.setObject(1, obligationId);
            return obligations(select).stream().findFirst();
        });
    }

    @Override
    @ReadOnly
    public List<ReviewObligation> openFor(UUID personId) {
        return jdbc.prepareStatement("SELECT * FROM review_obligation WHERE person_id = ? "
                + "AND status IN ('DUE', 'OVERDUE') ORDER BY due_on, obligation_id", select -> {
                    select.setObject(1, personId);
                    return obligations(select);
                });
    }

    @Override
    @ReadOnly
    public List<ReviewObligation> openInArea(String area) {
        return jdbc.prepareStatement("SELECT o.* FROM review_obligation o JOIN register_person p "
                + "ON p.person_id = o.person_id WHERE p.area = ? AND o.status IN ('DUE', 'OVERDUE') "
                + "ORDER BY o.due_on, o.obligation_id", select -> {
                    select.setString(1, area);
                    return obligations(select);
                });
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement.executeUpdate();
        });
    }

    private static List<RegisterPerson> people(PreparedStatement select) throws SQLException {
        List<RegisterPerson> people = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                people.add(new RegisterPerson(row.getObject("person_id", UUID.class), row.getString("area"),
                        enumOf(LifeStage.class, row.getString("life_stage")), instant(row, "referred_at"),
                        instant(row, "accepted_at"), row.getBoolean("on_register"), instant(row, "removed_at"),
                        enumOf(RagRating.class, row.getString("rating")), row.getBoolean("rating_indicative"),
                        enumOf(RagRating.class, row.getString("previous_rating")), date(row, "rated_on"),
                        instant(row, "rating_changed_at"), date(row, "update_overdue_since"),
                        date(row, "consent_renewal_due_on"),
                        enumOf(ConsentStatus.class, row.getString("consent_status")),
                        row.getString("turns_18_in") == null ? null
                                : java.time.YearMonth.parse(row.getString("turns_18_in"))));
            }
        }
        return people;
    }

    private static List<ReviewObligation> obligations(PreparedStatement select) throws SQLException {
        List<ReviewObligation> obligations = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                obligations.add(new ReviewObligation(row.getObject("obligation_id", UUID.class),
                        row.getObject("person_id", UUID.class), ObligationKind.valueOf(row.getString("kind")),
                        row.getDate("due_on").toLocalDate(),
                        ReviewObligation.Status.valueOf(row.getString("status")),
                        enumOf(RagRating.class, row.getString("rating"))));
            }
        }
        return obligations;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        Date day = row.getDate(column);
        return day == null ? null : day.toLocalDate();
    }
}
