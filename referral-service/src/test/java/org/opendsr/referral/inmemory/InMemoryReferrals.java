package org.opendsr.referral.inmemory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;

/** Referrals kept as copies, so a change a use case forgets to save is lost as it would be in the database. */
public class InMemoryReferrals implements Referrals {

    private final Map<UUID, Referral> saved = new LinkedHashMap<>();

    @Override
    public Optional<Referral> byId(UUID referralId) {
        return Optional.ofNullable(saved.get(referralId)).map(InMemoryReferrals::copy);
    }

    @Override
    public Optional<Referral> byAgencyReference(String agencySource, String agencyReference) {
        return saved.values().stream()
                .filter(referral -> referral.referredBy().equals(agencySource) && referral.agencyReferrer() != null
                        && referral.agencyReferrer().reference().equals(agencyReference))
                .findFirst().map(InMemoryReferrals::copy);
    }

    @Override
    public List<Referral> ofPerson(UUID personId) {
        return saved.values().stream().filter(referral -> referral.personId().equals(personId))
                .sorted(Comparator.comparing(Referral::receivedAt)).map(InMemoryReferrals::copy).toList();
    }

    @Override
    public void add(Referral referral) {
        if (saved.putIfAbsent(referral.id(), copy(referral)) != null) {
            throw new IllegalStateException("referral " + referral.id() + " added twice");
        }
    }

    @Override
    public void save(Referral referral) {
        if (saved.replace(referral.id(), copy(referral)) == null) {
            throw new IllegalStateException("referral " + referral.id() + " saved before it was added");
        }
    }

    public List<Referral> all() {
        return saved.values().stream().map(InMemoryReferrals::copy).toList();
    }

    private static Referral copy(Referral r) {
        return new Referral(r.id(), r.personId(), r.route(), r.status(), r.isComplete(), r.minimumDataSet(),
                r.referredBy(), r.referrerOrganisation(), r.receivedAt(), r.firstContactDueOn(), r.contactedAt(),
                r.contactedBy(), r.closedAt(), r.closedBy(), r.declineReason(), r.withdrawalReason(),
                r.outcomeNotes(), r.agencyReferrer(), r.professionalEmail());
    }
}
