package org.opendsr.referral.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Every referral the DSR received. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Referrals extends CrudRepository<ReferralRow, UUID> {
}
