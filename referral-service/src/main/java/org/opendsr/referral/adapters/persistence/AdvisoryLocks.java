package org.opendsr.referral.adapters.persistence;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * PostgreSQL advisory locks held until the caller's transaction ends, so that replicas of referral-service agree
 * without a coordinator.
 */
@Singleton
public class AdvisoryLocks {

    private final JdbcOperations jdbc;

    public AdvisoryLocks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises work on one NHS number, so two referrals for someone new that arrive together find or create the
     * same person instead of two.
     */
    public void lockIdentity(String nhsNumber) {
        lock("nhs-number:" + nhsNumber);
    }

    /**
     * Serialises the search for possible duplicates among people born on one day, so that two people recorded at
     * once, neither seeing the other's uncommitted row, cannot both miss each other: the second to lock searches
     * after the first has committed. Taken after {@link #lockIdentity}, never before, so the two cannot deadlock.
     */
    public void lockDateOfBirth(LocalDate dateOfBirth) {
        lock("date-of-birth:" + dateOfBirth);
    }

    /** Serialises changes to one person's referrals and register entries (e.g. two acceptances at once). */
    public void lockPerson(UUID personId) {
        lock("person:" + personId);
    }

    /** True when this transaction got the lock; false when another transaction (perhaps another replica) holds it. */
    public boolean tryLock(String name) {
        return jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))", statement -> {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        });
    }

    private void lock(String name) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", statement -> {
            statement.setString(1, name);
            return statement.execute();
        });
    }
}
