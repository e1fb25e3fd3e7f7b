package org.opendsr.referral.careteam.adapters.persistence;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.referral.access.application.CareTeamProjection;

/** The kit's care-team tables, which referral-service writes itself (it decides the teams). */
@Singleton
class KitCareTeamProjection implements CareTeamProjection {

    private final CareTeams careTeams;

    KitCareTeamProjection(CareTeams careTeams) {
        this.careTeams = careTeams;
    }

    @Override
    public CareTeam of(UUID personId) {
        return careTeams.of(personId);
    }

    @Override
    public void replace(CareTeamChanged team) {
        careTeams.replace(team);
    }
}
