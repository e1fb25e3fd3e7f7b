package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.consent.application.KnownPeople;

/** The people consent-service has learned of from referral events, with their open referrals. */
@Singleton
public class PostgresKnownPeople implements KnownPeople {

    private final KnownPersonRows rows;
    private final OpenReferralRows openReferrals;

    public PostgresKnownPeople(KnownPersonRows rows, OpenReferralRows openReferrals) {
        this.rows = rows;
        this.openReferrals = openReferrals;
    }

    @Override
    public Optional<KnownPerson> find(UUID personId) {
        return rows.findById(personId).map(this::toPerson);
    }

    /** The person, locked until the caller's transaction ends. */
    @Override
    public Optional<KnownPerson> findForUpdate(UUID personId) {
        return rows.findByIdForUpdate(personId).map(this::toPerson);
    }

    /** Records someone referred for the first time. */
    @Override
    public void add(KnownPerson person, Instant referredAt) {
        rows.save(new KnownPersonRow(person.personId(), person.lifeStage().name(), person.ageBand().name(),
                person.ageBandKnownOn(), person.under16(), monthOf(person.turned16In()), monthOf(person.turns18In()), referredAt, referredAt, person.onRegister(),
                person.isFollowed(), person.leftRegisterOn(), nameOf(person.leftRegisterBecause())));
        saveOpenReferrals(person);
    }

    /** Records what changed about someone already known; {@code referredAt} when it was a new referral. */
    @Override
    public void update(KnownPerson person, Instant referredAt) {
        KnownPersonRow current = rows.findById(person.personId()).orElseThrow();
        rows.update(new KnownPersonRow(person.personId(), person.lifeStage().name(), person.ageBand().name(),
                person.ageBandKnownOn(), person.under16(), monthOf(person.turned16In()), monthOf(person.turns18In()), current.firstKnownAt(),
                referredAt != null ? referredAt : current.lastReferredAt(), person.onRegister(), person.isFollowed(),
                person.leftRegisterOn(), nameOf(person.leftRegisterBecause())));
        saveOpenReferrals(person);
    }

    /** People whose consent is not followed up: the lifecycle sends them no reminders. */
    @Override
    public Set<UUID> notFollowed() {
        return new HashSet<>(rows.findPersonIdsNotFollowed());
    }

    private void saveOpenReferrals(KnownPerson person) {
        Set<UUID> stored = stored(person.personId());
        stored.stream().filter(referralId -> !person.openReferrals().contains(referralId))
                .forEach(openReferrals::deleteById);
        person.openReferrals().stream().filter(referralId -> !stored.contains(referralId))
                .forEach(referralId -> openReferrals.save(new OpenReferralRow(referralId, person.personId())));
    }

    private Set<UUID> stored(UUID personId) {
        return openReferrals.findByPersonId(personId).stream().map(OpenReferralRow::referralId)
                .collect(Collectors.toSet());
    }

    private static String monthOf(YearMonth month) {
        return month == null ? null : month.toString();
    }

    private static YearMonth month(String stored) {
        return stored == null ? null : YearMonth.parse(stored);
    }

    private static String nameOf(RemovalReason reason) {
        return reason == null ? null : reason.name();
    }

    private KnownPerson toPerson(KnownPersonRow row) {
        return new KnownPerson(row.personId(), LifeStage.valueOf(row.lifeStage()), AgeBand.valueOf(row.ageBand()),
                row.ageBandKnownOn(), row.under16(), month(row.turned16In()), month(row.turns18In()), row.onRegister(),
                stored(row.personId()),
                row.leftRegisterOn(),
                row.leftRegisterReason() == null ? null : RemovalReason.valueOf(row.leftRegisterReason()));
    }
}
