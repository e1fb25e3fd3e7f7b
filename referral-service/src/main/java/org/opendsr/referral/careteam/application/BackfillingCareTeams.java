package org.opendsr.referral.careteam.application;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * Existing data (issue 11): the referrer and responsible-professional memberships of people recorded before care
 * teams were kept are derived from their records, written to the kit's tables and published, like any change, by
 * {@link KeepingCareTeams#follow}. Key professionals who had a user id were made confirmed members by migration V9.
 * One batch per transaction, so a large register is caught up without one long transaction; a replica that finds
 * another doing it leaves it.
 */
@Singleton
public class BackfillingCareTeams {

    private static final String LOCK = "care-team-backfill";
    private static final int BATCH = 200;

    private final PeopleWithoutCareTeam people;
    private final KeepingCareTeams keeping;
    private final RecordLocks locks;

    public BackfillingCareTeams(PeopleWithoutCareTeam people, KeepingCareTeams keeping, RecordLocks locks) {
        this.people = people;
        this.keeping = keeping;
        this.locks = locks;
    }

    /** One batch after {@code after}; returns the last person done, or null when none was left (or it ran elsewhere). */
    @Transactional
    public @Nullable UUID batch(@Nullable UUID after) {
        if (!locks.tryLock(LOCK)) {
            return null;
        }
        List<UUID> batch = people.after(after, BATCH);
        for (UUID personId : batch) {
            locks.lockPerson(personId);
            keeping.follow(personId, Actor.REFERRAL_SERVICE.id());
        }
        return batch.isEmpty() ? null : batch.get(batch.size() - 1);
    }
}
