package org.opendsr.consent.adapters.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Rows of {@code known_person}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KnownPersonRows extends CrudRepository<KnownPersonRow, UUID> {

    @Query("SELECT * FROM known_person WHERE person_id = :personId FOR UPDATE")
    Optional<KnownPersonRow> findByIdForUpdate(UUID personId);

    @Query("SELECT person_id FROM known_person WHERE NOT followed")
    List<UUID> findPersonIdsNotFollowed();
}
