package org.opendsr.consent.adapters.persistence;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.consent.application.PersonCareTeams;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.kit.access.CareTeams;

/**
 * The care teams consent-service holds in the kit's tables ({@code dsr_kit.care_team}), kept by the referral events
 * listener from {@code dsr.person.care-team-changed.v1}.
 */
@Singleton
class KitCareTeams implements PersonCareTeams {

    private final CareTeams careTeams;

    KitCareTeams(CareTeams careTeams) {
        this.careTeams = careTeams;
    }

    @Override
    public CareTeam of(UUID personId) {
        return careTeams.of(personId);
    }
}
