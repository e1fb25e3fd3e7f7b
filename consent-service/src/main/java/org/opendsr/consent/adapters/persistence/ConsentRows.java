package org.opendsr.consent.adapters.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Rows of {@code consent}. The open states are ACTIVE, RENEWAL_DUE and OVERDUE. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConsentRows extends CrudRepository<ConsentRow, UUID> {

    String OPEN = "('ACTIVE', 'RENEWAL_DUE', 'OVERDUE')";

    @Query("SELECT * FROM consent WHERE id = :id FOR UPDATE")
    Optional<ConsentRow> findByIdForUpdate(UUID id);

    @Query("SELECT * FROM consent WHERE person_id = :personId AND state IN " + OPEN + " FOR UPDATE")
    Optional<ConsentRow> findOpenOfPersonForUpdate(UUID personId);

    /** Every open consent, locked, in a fixed order so that concurrent writers cannot deadlock with a run. */
    @Query("SELECT * FROM consent WHERE state IN " + OPEN + " ORDER BY id FOR UPDATE")
    List<ConsentRow> findAllOpenForUpdate();

    @Query("SELECT * FROM consent WHERE person_id = :personId ORDER BY recorded_at DESC, id")
    List<ConsentRow> findAllOfPerson(UUID personId);

    // The worklists (keyset paged) and their counts are PostgresConsents' own queries: their person scope is SQL
    // built per caller.
}
