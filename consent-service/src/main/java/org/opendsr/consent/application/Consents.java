package org.opendsr.consent.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.consent.domain.Consent;
import org.opendsr.kit.access.PersonScope;

/** The consents kept by consent-service (a port: the persistence adapter implements it). */
public interface Consents {

    Optional<Consent> find(UUID consentId);

    /** The consent, locked for update until the transaction ends. */
    Optional<Consent> findForUpdate(UUID consentId);

    /** The person's open consent (active, renewal due or overdue), locked for update. */
    Optional<Consent> openConsentOfForUpdate(UUID personId);

    /** Every open consent, locked for update: the lifecycle run's work. */
    List<Consent> allOpenForUpdate();

    /** A person's consents, newest first. */
    List<Consent> historyOf(UUID personId);

    // The worklists: only consents of the people in scope (those the caller may see), filtered in the database, then
    // keyset paged: at most {@code limit} after the cursor, if any.

    /** Active consents due for renewal by a day, soonest first. */
    List<Consent> renewalsDueBy(LocalDate until, PersonScope scope, @Nullable WorklistPage.After after, int limit);

    /** Overdue consents, nearest to lapsing first. */
    List<Consent> overdue(PersonScope scope, @Nullable WorklistPage.After after, int limit);

    /** Consents that lapsed or were withdrawn between two days, inclusive, in the order they closed. */
    List<Consent> closedBetween(LocalDate from, LocalDate to, PersonScope scope, @Nullable WorklistPage.After after,
                                int limit);

    /** How many lapsed, and how many were withdrawn, between two days, inclusive, of the people in scope. */
    long lapsedBetween(LocalDate from, LocalDate to, PersonScope scope);

    long withdrawnBetween(LocalDate from, LocalDate to, PersonScope scope);

    void add(Consent consent);

    void update(Consent consent);
}
