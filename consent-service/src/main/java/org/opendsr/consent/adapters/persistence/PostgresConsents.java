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
    public List<Consent> renewalsDueBy(LocalDate until, PersonScope scope) {
        return worklist("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
                + "WHERE c.state IN ('ACTIVE', 'RENEWAL_DUE') AND c.renewal_due_on <= ? "
                + "AND p.followed AND " + scope.condition("c.person_id") + " ORDER BY c.renewal_due_on, c.id",
                scope, until);
    }

    /** Overdue consents of people whose consent is followed up, nearest to lapsing first. */
    @Override
    public List<Consent> overdue(PersonScope scope) {
        return worklist("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
                + "WHERE c.state = 'OVERDUE' AND p.followed AND " + scope.condition("c.person_id")
                + " ORDER BY c.grace_ends_on, c.id", scope);
    }

    /** Consents that lapsed or were withdrawn between two days, inclusive. */
    @Override
    public List<Consent> closedBetween(LocalDate from, LocalDate to, PersonScope scope) {
        return worklist("SELECT c.* FROM consent c WHERE ((c.state = 'LAPSED' AND c.lapsed_on BETWEEN ? AND ?) "
                + "OR (c.state = 'WITHDRAWN' AND c.withdrawn_on BETWEEN ? AND ?)) AND "
                + scope.condition("c.person_id") + " ORDER BY coalesce(c.lapsed_on, c.withdrawn_on), c.id",
                scope, from, to, from, to);
    }

    /** Runs a worklist query: its own day parameters first, then the scope's. */
    private List<Consent> worklist(String sql, PersonScope scope, LocalDate... days) {
        if (scope.seesNoOne()) {
            return List.of();
        }
        return jdbc.prepareStatement(sql, statement -> {
            try {
                return select(statement, scope, days);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a consent worklist", e);
            }
        });
    }

    private List<Consent> select(PreparedStatement statement, PersonScope scope, LocalDate... days)
            throws SQLException {
        int index = 1;
        for (LocalDate day : days) {
            statement.setDate(index++, Date.valueOf(day));
        }
        scope.bind(statement, index);
        try (ResultSet found = statement.executeQuery()) {
            return jdbc.entityStream(found, ConsentRow.class).map(PostgresConsents::toConsent).toList();
        }
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
