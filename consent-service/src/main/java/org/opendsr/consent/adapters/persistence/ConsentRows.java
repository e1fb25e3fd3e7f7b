package org.opendsr.consent.adapters.persistence;

import java.time.LocalDate;
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

    @Query("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
            + "WHERE c.state IN ('ACTIVE', 'RENEWAL_DUE') AND c.renewal_due_on <= :until "
            + "AND p.followed ORDER BY c.renewal_due_on, c.id")
    List<ConsentRow> findRenewalsDueBy(LocalDate until);

    @Query("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
            + "WHERE c.state = 'OVERDUE' AND p.followed ORDER BY c.grace_ends_on, c.id")
    List<ConsentRow> findOverdue();

    @Query("SELECT * FROM consent WHERE (state = 'LAPSED' AND lapsed_on BETWEEN :from AND :to) "
            + "OR (state = 'WITHDRAWN' AND withdrawn_on BETWEEN :from AND :to) "
            + "ORDER BY coalesce(lapsed_on, withdrawn_on), id")
    List<ConsentRow> findClosedBetween(LocalDate from, LocalDate to);
}
