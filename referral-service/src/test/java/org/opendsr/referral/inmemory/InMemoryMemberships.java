package org.opendsr.referral.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.referral.careteam.domain.Membership;
import org.opendsr.referral.careteam.domain.Memberships;

public class InMemoryMemberships implements Memberships {

    private final Map<UUID, Membership> saved = new LinkedHashMap<>();

    @Override
    public List<Membership> ofPerson(UUID personId) {
        return saved.values().stream().filter(m -> m.personId().equals(personId)).toList();
    }

    @Override
    public Optional<Membership> byId(UUID membershipId) {
        return Optional.ofNullable(saved.get(membershipId));
    }

    @Override
    public void save(Membership membership) {
        saved.put(membership.id(), membership);
    }

    @Override
    public List<Membership> breakGlass(boolean unreviewedOnly, Instant startedBefore, UUID idBefore, int limit) {
        return saved.values().stream().filter(m -> m.role() == CareTeamRole.BREAK_GLASS)
                .filter(m -> !unreviewedOnly || m.reviewedAt() == null)
                .sorted(Comparator.comparing(Membership::startedAt).reversed()).limit(limit).toList();
    }
}
