package org.opendsr.referral.careteam.adapters.scheduling;

import java.util.UUID;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.referral.careteam.application.BackfillingCareTeams;

/**
 * Catches up the care teams of people recorded before issue 11, once shortly after start. Later runs find nobody
 * (every change since writes the team), so it runs only once per start.
 */
@Singleton
public class CareTeamBackfillSchedule {

    private final BackfillingCareTeams backfilling;

    public CareTeamBackfillSchedule(BackfillingCareTeams backfilling) {
        this.backfilling = backfilling;
    }

    @Scheduled(initialDelay = "${dsr.referral.care-team-backfill-after:20s}")
    void backfill() {
        UUID after = backfilling.batch(null);
        while (after != null) {
            after = backfilling.batch(after);
        }
    }
}
