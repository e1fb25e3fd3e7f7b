package org.opendsr.referral.adapters.persistence;

import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The people known to the DSR. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface People extends CrudRepository<PersonRow, UUID> {

    Optional<PersonRow> findByNhsNumber(String nhsNumber);
}
