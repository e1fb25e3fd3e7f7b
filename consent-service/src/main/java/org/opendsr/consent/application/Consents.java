package org.opendsr.consent.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    // The worklists: only consents of the people in scope (those the caller may see), filtered in the database.

    List<Consent> renewalsDueBy(LocalDate until, PersonScope scope);

    List<Consent> overdue(PersonScope scope);

    /** Consents that lapsed or were withdrawn between two days, inclusive. */
    List<Consent> closedBetween(LocalDate from, LocalDate to, PersonScope scope);

    void add(Consent consent);

    void update(Consent consent);
}
