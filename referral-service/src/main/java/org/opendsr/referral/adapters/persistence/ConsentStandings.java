package org.opendsr.referral.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Each person's consent standing, from consent-service's events. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConsentStandings extends CrudRepository<ConsentStandingRow, UUID> {
}
