package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;

/** The people consent-service has learned of from referral events. */
@Singleton
public class KnownPeople {

    private final KnownPersonRows rows;

    public KnownPeople(KnownPersonRows rows) {
        this.rows = rows;
    }

    public Optional<KnownPerson> find(UUID personId) {
        return rows.findById(personId).map(KnownPeople::toPerson);
    }

    /** The person, locked until the caller's transaction ends. */
    public Optional<KnownPerson> findForUpdate(UUID personId) {
        return rows.findByIdForUpdate(personId).map(KnownPeople::toPerson);
    }

    /** Records someone referred for the first time. */
    public void add(KnownPerson person, Instant referredAt) {
        rows.save(new KnownPersonRow(person.personId(), person.lifeStage().name(), person.ageBand().name(),
                person.ageBandKnownOn(), person.turned18On(), referredAt, referredAt, person.leftRegisterOn(),
                nameOf(person.leftRegisterBecause())));
    }

    /** Records what changed about someone already known; {@code referredAt} when it was a new referral. */
    public void update(KnownPerson person, Instant referredAt) {
        KnownPersonRow current = rows.findById(person.personId()).orElseThrow();
        rows.update(new KnownPersonRow(person.personId(), person.lifeStage().name(), person.ageBand().name(),
                person.ageBandKnownOn(), person.turned18On(), current.firstKnownAt(),
                referredAt != null ? referredAt : current.lastReferredAt(), person.leftRegisterOn(),
                nameOf(person.leftRegisterBecause())));
    }

    /** People removed from the register and not referred again: the lifecycle sends them no reminders. */
    public Set<UUID> offTheRegister() {
        return new HashSet<>(rows.findPersonIdsOffTheRegister());
    }

    private static String nameOf(RemovalReason reason) {
        return reason == null ? null : reason.name();
    }

    private static KnownPerson toPerson(KnownPersonRow row) {
        return new KnownPerson(row.personId(), LifeStage.valueOf(row.lifeStage()), AgeBand.valueOf(row.ageBand()),
                row.ageBandKnownOn(), row.turned18On(), row.leftRegisterOn(),
                row.leftRegisterReason() == null ? null : RemovalReason.valueOf(row.leftRegisterReason()));
    }
}
