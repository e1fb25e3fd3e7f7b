package org.opendsr.referral.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.ConsentStandings;

public class InMemoryConsentStandings implements ConsentStandings {

    private final Map<UUID, ConsentStanding> held = new HashMap<>();

    @Override
    public Optional<ConsentStanding> of(UUID personId) {
        return Optional.ofNullable(held.get(personId));
    }

    @Override
    public void keep(ConsentStanding standing) {
        held.put(standing.personId(), standing);
    }
}
