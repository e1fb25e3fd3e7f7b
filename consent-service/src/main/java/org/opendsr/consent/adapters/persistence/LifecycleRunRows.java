package org.opendsr.consent.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Rows of {@code consent_lifecycle_run}: a log of the daily job. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LifecycleRunRows extends CrudRepository<LifecycleRunRow, UUID> {
}
