package org.opendsr.consent.adapters.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Rows of {@code consent_reminder}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReminderRows extends CrudRepository<ReminderRow, UUID> {

    List<ReminderRow> findByConsentIdInOrderByReminderNumber(Collection<UUID> consentId);
}
