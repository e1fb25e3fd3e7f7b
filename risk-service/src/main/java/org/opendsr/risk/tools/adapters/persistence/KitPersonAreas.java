package org.opendsr.risk.tools.adapters.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.risk.tools.application.PersonAreas;

/** A person's area from the care teams risk-service holds in the kit's tables ({@code dsr_kit.care_team}). */
@Singleton
class KitPersonAreas implements PersonAreas {

    private final CareTeams careTeams;

    KitPersonAreas(CareTeams careTeams) {
        this.careTeams = careTeams;
    }

    @Override
    public Optional<String> areaOf(UUID personId) {
        return Optional.ofNullable(careTeams.of(personId).area());
    }
}
