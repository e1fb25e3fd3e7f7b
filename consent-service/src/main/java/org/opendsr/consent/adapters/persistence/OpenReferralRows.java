package org.opendsr.consent.adapters.persistence;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Rows of {@code known_person_open_referral}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OpenReferralRows extends CrudRepository<OpenReferralRow, UUID> {

    List<OpenReferralRow> findByPersonId(UUID personId);
}
