package org.opendsr.consent.adapters.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
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

    // Keyset pages: after the last line of the page before (its day and id), or from the start when there is none.
    @Query("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
            + "WHERE c.state IN ('ACTIVE', 'RENEWAL_DUE') AND c.renewal_due_on <= :until AND p.followed "
            + "AND (CAST(:afterDay AS DATE) IS NULL OR (c.renewal_due_on, c.id) > (CAST(:afterDay AS DATE), CAST(:afterId AS UUID))) "
            + "ORDER BY c.renewal_due_on, c.id LIMIT :limit")
    List<ConsentRow> findRenewalsDueBy(LocalDate until, @Nullable LocalDate afterDay, @Nullable UUID afterId, int limit);

    @Query("SELECT c.* FROM consent c JOIN known_person p ON p.person_id = c.person_id "
            + "WHERE c.state = 'OVERDUE' AND p.followed "
            + "AND (CAST(:afterDay AS DATE) IS NULL OR (c.grace_ends_on, c.id) > (CAST(:afterDay AS DATE), CAST(:afterId AS UUID))) "
            + "ORDER BY c.grace_ends_on, c.id LIMIT :limit")
    List<ConsentRow> findOverdue(@Nullable LocalDate afterDay, @Nullable UUID afterId, int limit);

    @Query("SELECT * FROM consent WHERE ((state = 'LAPSED' AND lapsed_on BETWEEN :from AND :to) "
            + "OR (state = 'WITHDRAWN' AND withdrawn_on BETWEEN :from AND :to)) "
            + "AND (CAST(:afterDay AS DATE) IS NULL "
            + "OR (coalesce(withdrawn_on, lapsed_on), id) > (CAST(:afterDay AS DATE), CAST(:afterId AS UUID))) "
            + "ORDER BY coalesce(withdrawn_on, lapsed_on), id LIMIT :limit")
    List<ConsentRow> findClosedBetween(LocalDate from, LocalDate to, @Nullable LocalDate afterDay,
                                       @Nullable UUID afterId, int limit);

    @Query("SELECT count(*) FROM consent WHERE state = 'LAPSED' AND lapsed_on BETWEEN :from AND :to")
    long countLapsedBetween(LocalDate from, LocalDate to);

    @Query("SELECT count(*) FROM consent WHERE state = 'WITHDRAWN' AND withdrawn_on BETWEEN :from AND :to")
    long countWithdrawnBetween(LocalDate from, LocalDate to);
}
