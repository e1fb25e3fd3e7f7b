package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.referral.access.application.CareTeamProjection;

/** The kit's care-team copy, in memory: replaced whole, like {@code CareTeams.replace}. */
public class InMemoryCareTeams implements CareTeamProjection {

    private final Map<UUID, CareTeam> teams = new HashMap<>();
    public final List<CareTeamChanged> replaced = new ArrayList<>();

    @Override
    public CareTeam of(UUID personId) {
        return teams.getOrDefault(personId, CareTeam.unknown(personId));
    }

    @Override
    public void replace(CareTeamChanged team) {
        replaced.add(team);
        teams.put(team.personId(), new CareTeam(team.personId(), team.area(), team.members()));
    }
}
