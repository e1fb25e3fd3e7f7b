package org.opendsr.referral.person.adapters.persistence;

import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code person} table, read and written only by {@link StoredPeople}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PersonRows extends CrudRepository<PersonRow, UUID> {

    Optional<PersonRow> findByNhsNumber(String nhsNumber);
}
