package org.opendsr.consent.application;

import java.util.UUID;

import org.opendsr.kit.access.CareTeam;

/**
 * The care teams consent-service holds, a projection of referral-service's {@code dsr.person.care-team-changed.v1}
 * (a port: the kit's {@code CareTeams} is its adapter). Who may see a person is decided from them by the kit's one
 * policy, {@code NeedToKnow}.
 */
public interface PersonCareTeams {

    /** The person's care team, or {@link CareTeam#unknown} when consent-service has not been told of one. */
    CareTeam of(UUID personId);
}
