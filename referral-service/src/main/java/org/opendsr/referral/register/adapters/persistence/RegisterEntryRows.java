package org.opendsr.referral.register.adapters.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code register_entry} table, read and written only by {@link StoredRegisterEntries}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RegisterEntryRows extends CrudRepository<RegisterEntryRow, UUID> {

    @Query("SELECT * FROM register_entry WHERE person_id = :personId AND removed_at IS NULL")
    Optional<RegisterEntryRow> findOpenEntryOf(UUID personId);

    List<RegisterEntryRow> findByPersonIdOrderByOnRegisterFrom(UUID personId);
}
