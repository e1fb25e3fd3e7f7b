package org.opendsr.consent.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.ports.Locks;

/** consent-service's ports in memory, for use-case tests that need no database or broker. */
final class InMemoryConsentPorts {

    private InMemoryConsentPorts() {
    }

    static final class CareTeams implements PersonCareTeams {
        private final Map<UUID, CareTeam> teams = new HashMap<>();

        void are(UUID personId, String area, CareTeamMember... members) {
            teams.put(personId, new CareTeam(personId, area, List.of(members)));
        }

        @Override
        public CareTeam of(UUID personId) {
            return teams.getOrDefault(personId, CareTeam.unknown(personId));
        }
    }

    static final class Audit implements ConsentAudit {
        final List<Entry> entries = new ArrayList<>();
        /** The entries written in a transaction of their own: those that survive the request's rollback. */
        final List<Entry> committedAtOnce = new ArrayList<>();

        @Override
        public void append(List<Entry> written) {
            entries.addAll(written);
        }

        @Override
        public void appendInItsOwnTransaction(Entry entry) {
            entries.add(entry);
            committedAtOnce.add(entry);
        }
    }

    static final class People implements KnownPeople {
        private final Map<UUID, KnownPerson> people = new HashMap<>();

        @Override
        public Optional<KnownPerson> find(UUID personId) {
            return Optional.ofNullable(people.get(personId));
        }

        @Override
        public Optional<KnownPerson> findForUpdate(UUID personId) {
            return find(personId);
        }

        @Override
        public void add(KnownPerson person, Instant referredAt) {
            people.put(person.personId(), person);
        }

        @Override
        public void update(KnownPerson person, Instant referredAt) {
            people.put(person.personId(), person);
        }

        @Override
        public Set<UUID> notFollowed() {
            return Set.of();
        }
    }

    static final class StoredConsents implements Consents {
        private final Map<UUID, Consent> consents = new LinkedHashMap<>();

        @Override
        public Optional<Consent> find(UUID consentId) {
            return Optional.ofNullable(consents.get(consentId));
        }

        @Override
        public Optional<Consent> findForUpdate(UUID consentId) {
            return find(consentId);
        }

        @Override
        public Optional<Consent> openConsentOfForUpdate(UUID personId) {
            return consents.values().stream()
                    .filter(consent -> consent.personId().equals(personId) && consent.state().isOpen()).findFirst();
        }

        @Override
        public List<Consent> allOpenForUpdate() {
            return consents.values().stream().filter(consent -> consent.state().isOpen()).toList();
        }

        @Override
        public List<Consent> historyOf(UUID personId) {
            return consents.values().stream().filter(consent -> consent.personId().equals(personId)).toList();
        }

        // The worklists' person scope is SQL: they are tested on PostgreSQL (ConsentNeedToKnowTest).
        @Override
        public List<Consent> renewalsDueBy(LocalDate until, PersonScope scope, WorklistPage.After after, int limit) {
            throw new UnsupportedOperationException("tested against PostgreSQL");
        }

        @Override
        public List<Consent> overdue(PersonScope scope, WorklistPage.After after, int limit) {
            throw new UnsupportedOperationException("tested against PostgreSQL");
        }

        @Override
        public List<Consent> closedBetween(LocalDate from, LocalDate to, PersonScope scope, WorklistPage.After after,
                                           int limit) {
            throw new UnsupportedOperationException("tested against PostgreSQL");
        }

        @Override
        public long lapsedBetween(LocalDate from, LocalDate to, PersonScope scope) {
            throw new UnsupportedOperationException("tested against PostgreSQL");
        }

        @Override
        public long withdrawnBetween(LocalDate from, LocalDate to, PersonScope scope) {
            throw new UnsupportedOperationException("tested against PostgreSQL");
        }

        @Override
        public void add(Consent consent) {
            consents.put(consent.id(), consent);
        }

        @Override
        public void update(Consent consent) {
            consents.put(consent.id(), consent);
        }
    }

    static final class Events implements ConsentEvents {
        final List<ConsentChange> published = new ArrayList<>();

        @Override
        public void publish(List<? extends ConsentChange> changes) {
            published.addAll(changes);
        }

        @Override
        public void publish(ConsentChange change) {
            published.add(change);
        }
    }

    static final class NoReminders implements Reminders {
        @Override
        public void sent(ConsentChange.ReminderDue reminder, Instant at) {
        }

        @Override
        public List<SentReminder> of(Collection<UUID> consentIds) {
            return List.of();
        }
    }

    /** One request at a time in a unit test: nothing to wait for. */
    static final class UncontendedLocks implements Locks {
        @Override
        public void lock(String name) {
        }

        @Override
        public boolean tryLock(String name) {
            return true;
        }
    }
}
