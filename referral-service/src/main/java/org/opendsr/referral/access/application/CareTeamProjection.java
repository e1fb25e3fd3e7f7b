package org.opendsr.referral.access.application;

import java.util.UUID;

import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.kit.access.CareTeam;

/**
 * The kit's copy of each person's current care team ({@code dsr_kit.care_team}), from which every need-to-know
 * decision in this service is made, exactly as in the services that follow {@code dsr.person.care-team-changed.v1}.
 */
public interface CareTeamProjection {

    /** The person's current team, or {@link CareTeam#unknown} when none was written yet. */
    CareTeam of(UUID personId);

    /** Replaces the person's team; runs in the caller's transaction. */
    void replace(CareTeamChanged team);
}
