package org.opendsr.consent.adapters.persistence;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.consent.domain.BestInterestsDecision;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentGiven;
import org.opendsr.consent.domain.ConsentGiver;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.consent.domain.ExplanationFormat;
import org.opendsr.consent.domain.RenewalDue;
import org.opendsr.consent.domain.RenewalReason;
import org.opendsr.consent.domain.Withdrawal;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.consent.application.Consents;
import org.opendsr.consent.application.WorklistPage;
import org.opendsr.kit.access.PersonScope;

/** Every consent the DSR has recorded, open or closed. Closed ones are history and are never deleted. */
@Singleton
public class PostgresConsents implements Consents {

    private final ConsentRows rows;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public PostgresConsents(ConsentRows rows, JdbcOperations jdbc, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Consent> find(UUID consentId) {
        return rows.findById(consentId).map(PostgresConsents::toConsent);
    }

    /** The consent, locked until the caller's transaction ends. */
    @Override
    public Optional<Consent> findForUpdate(UUID consentId) {
        return rows.findByIdForUpdate(consentId).map(PostgresConsents::toConsent);
    }

    /** The person's open consent (there is at most one), locked until the caller's transaction ends. */
    @Override
    public Optional<Consent> openConsentOfForUpdate(UUID personId) {
        return rows.findOpenOfPersonForUpdate(personId).map(PostgresConsents::toConsent);
    }

    /** Every open consent, locked until the caller's transaction ends: what a lifecycle run works through. */
    @Override
    public List<Consent> allOpenForUpdate() {
        return rows.findAllOpenForUpdate().stream().map(PostgresConsents::toConsent).toList();
    }

    /** A person's consents, newest first. */
    @Override
    public List<Consent> historyOf(UUID personId) {
        return rows.findAllOfPerson(personId).stream().map(PostgresConsents::toConsent).toList();
    }

    // The worklists. The person scope (NeedToKnow as SQL: whom the caller may see) is a condition on c.person_id,
    // so a list is filtered in the database and never read whole and then dropped.

    /** Active consents due for renewal by {@code until}, of people whose consent is followed up, soonest first. */
    @Override
    public List<Consent> renewalsDueBy(LocalDate until, PersonScope scope, @Nullable WorklistPage.After after,
                                       int limit) {
        return worklist("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
                + "WHERE c.state IN ('ACTIVE', 'RENEWAL_DUE') AND c.renewal_due_on <= ? AND p.followed",
                "c.renewal_due_on", List.of(until), scope, after, limit);
    }

    /** Overdue consents of people whose consent is followed up, nearest to lapsing first. */
    @Override
    public List<Consent> overdue(PersonScope scope, @Nullable WorklistPage.After after, int limit) {
        return worklist("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
                + "WHERE c.state = 'OVERDUE' AND p.followed", "c.grace_ends_on", List.of(), scope, after, limit);
    }

    /** Consents that lapsed or were withdrawn between two days, inclusive, in the order they closed. */
    @Override
    public List<Consent> closedBetween(LocalDate from, LocalDate to, PersonScope scope,
                                       @Nullable WorklistPage.After after, int limit) {
        return worklist("SELECT c.* FROM consent c WHERE ((c.state = 'LAPSED' AND c.lapsed_on BETWEEN ? AND ?) "
                + "OR (c.state = 'WITHDRAWN' AND c.withdrawn_on BETWEEN ? AND ?))",
                "coalesce(c.withdrawn_on, c.lapsed_on)", List.of(from, to, from, to), scope, after, limit);
    }

    /** How many lapsed between two days, inclusive, of the people in scope: the whole span, whatever the page. */
    @Override
    public long lapsedBetween(LocalDate from, LocalDate to, PersonScope scope) {
        return count("SELECT count(*) FROM consent c WHERE c.state = 'LAPSED' AND c.lapsed_on BETWEEN ? AND ?",
                scope, from, to);
    }

    @Override
    public long withdrawnBetween(LocalDate from, LocalDate to, PersonScope scope) {
        return count("SELECT count(*) FROM consent c WHERE c.state = 'WITHDRAWN' AND c.withdrawn_on BETWEEN ? AND ?",
                scope, from, to);
    }

    /**
     * Runs a worklist query, keyset paged: {@code where} (with its own day parameters) and the scope, then the lines
     * after the cursor's (day, id), if any, in the worklist's order, at most {@code limit}.
     */
    private List<Consent> worklist(String where, String dayColumn, List<LocalDate> days, PersonScope scope,
                                   @Nullable WorklistPage.After after, int limit) {
        if (scope.seesNoOne()) {
            return List.of();
        }
        String sql = where + " AND " + scope.condition("c.person_id")
                + (after == null ? "" : " AND (" + dayColumn + ", c.id) > (?, ?)")
                + " ORDER BY " + dayColumn + ", c.id LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            try {
                int index = bindDays(statement, 1, days);
                index = scope.bind(statement, index);
                if (after != null) {
                    statement.setDate(index++, Date.valueOf(after.day()));
                    statement.setObject(index++, after.consentId());
                }
                statement.setInt(index, limit);
                try (ResultSet found = statement.executeQuery()) {
                    return jdbc.entityStream(found, ConsentRow.class).map(PostgresConsents::toConsent).toList();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a consent worklist", e);
            }
        });
    }

    private long count(String where, PersonScope scope, LocalDate... days) {
        if (scope.seesNoOne()) {
            return 0;
        }
        return jdbc.prepareStatement(where + " AND " + scope.condition("c.person_id"), statement -> {
            try {
                scope.bind(statement, bindDays(statement, 1, List.of(days)));
                try (ResultSet found = statement.executeQuery()) {
                    found.next();
                    return found.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count a consent worklist", e);
            }
        });
    }

    private static int bindDays(PreparedStatement statement, int from, List<LocalDate> days) throws SQLException {
        int index = from;
        for (LocalDate day : days) {
            statement.setDate(index++, Date.valueOf(day));
        }
        return index;
    }

    @Override
    public void add(Consent consent) {
        rows.save(toRow(consent.snapshot()));
    }

    @Override
    public void update(Consent consent) {
        rows.update(toRow(consent.snapshot()));
    }

    private ConsentRow toRow(Consent.Snapshot consent) {
        ConsentGiven given = consent.given();
        Withdrawal withdrawal = consent.withdrawal();
        BestInterestsDecision bestInterests = given.bestInterests();
        return new ConsentRow(consent.id(), consent.personId(), given.basis().name(), given.givenBy().name(),
                given.givenOn(), consent.givenForChild(),
                bestInterests == null ? null : bestInterests.capacityAssessedOn(),
                bestInterests == null ? null : bestInterests.decisionMakerRole(),
                given.explainedWith().name(), given.explainedWithDetail(), given.formKeptAt(), given.recordedBy(),
                given.recordedAt(), given.renewalOf(), consent.renewalDue().on(), consent.renewalDue().reason().name(),
                consent.state().name(), consent.renewalDueSince(), consent.overdueSince(), consent.graceEndsOn(),
                consent.lapsedOn(),
                withdrawal == null ? null : withdrawal.on(),
                withdrawal == null ? null : withdrawal.reason().name(),
                withdrawal == null ? null : withdrawal.note(),
                withdrawal == null ? null : withdrawal.recordedBy(),
                consent.renewedBy(), consent.renewedOn(), consent.remindersSent(), consent.lastReminderFor(),
                clock.instant());
    }

    private static Consent toConsent(ConsentRow row) {
        BestInterestsDecision bestInterests = row.capacityAssessedOn() == null ? null
                : new BestInterestsDecision(row.capacityAssessedOn(), row.decisionMakerRole());
        ConsentGiven given = new ConsentGiven(ConsentBasis.valueOf(row.basis()), ConsentGiver.valueOf(row.givenBy()),
                row.givenOn(), bestInterests, ExplanationFormat.valueOf(row.explainedWith()), row.explainedWithDetail(),
                row.formKeptAt(), row.recordedBy(), row.recordedAt(), row.renewalOf());
        Withdrawal withdrawal = row.withdrawnOn() == null ? null
                : new Withdrawal(row.withdrawnOn(), ConsentWithdrawalReason.valueOf(row.withdrawalReason()),
                row.withdrawalNote(), row.withdrawalRecordedBy());
        return Consent.restore(new Consent.Snapshot(row.id(), row.personId(), given, row.givenForChild(),
                new RenewalDue(row.renewalDueOn(), RenewalReason.valueOf(row.renewalReason())),
                ConsentState.valueOf(row.state()), row.renewalDueSince(), row.overdueSince(), row.graceEndsOn(),
                row.lapsedOn(), withdrawal, row.renewedBy(), row.renewedOn(), row.remindersSent(),
                row.lastReminderFor()));
    }
}
