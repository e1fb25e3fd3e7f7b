package org.opendsr.referral.shared.adapters.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.shared.application.Locks;

/** PostgreSQL advisory locks held until the caller's transaction ends. */
@Singleton
class AdvisoryLocks implements Locks {

    private final JdbcOperations jdbc;

    AdvisoryLocks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryLock(String name) {
        return jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))", statement -> {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        });
    }

    @Override
    public void lock(String name) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", statement -> {
            statement.setString(1, name);
            return statement.execute();
        });
    }
}
