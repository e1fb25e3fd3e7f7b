package org.opendsr.referral.retention.adapters.persistence;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Period;

import javax.sql.DataSource;

import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.opendsr.kit.audit.AuditRetention;
import org.opendsr.referral.retention.application.AuditTrailRetention;

/**
 * The kit's controlled purge of the audit trail ({@link AuditRetention}: from the chain's oldest end, only what an
 * anchor covers, the database refusing any other DELETE), as of the service's clock, with the kit's period
 * ({@code dsr.audit.retention}, default P8Y). The kit also runs it on its own schedule; a second run finds nothing.
 */
@Singleton
class KitAuditTrailRetention implements AuditTrailRetention {

    private final AuditRetention retention;

    KitAuditTrailRetention(DataSource dataSource, DataSourceResolver resolver,
                           @Value("${dsr.audit.retention:P8Y}") String period, Clock clock) {
        this.retention = new AuditRetention(resolver.resolve(dataSource), Period.parse(period), clock);
    }

    @Override
    public long purgeOlderThanItsPeriod() {
        try {
            return retention.purge();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the audit trail's oldest entries", e);
        }
    }
}
