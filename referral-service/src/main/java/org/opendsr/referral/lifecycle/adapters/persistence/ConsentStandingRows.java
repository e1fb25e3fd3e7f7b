package org.opendsr.referral.lifecycle.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code consent_standing} table, read and written only by {@link StoredConsentStandings}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsentStandingRows extends CrudRepository<ConsentStandingRow, UUID> {
}
