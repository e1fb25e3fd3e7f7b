package org.opendsr.referral.person.adapters.persistence;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The professionals involved in each person's care. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface KeyProfessionalRows extends CrudRepository<KeyProfessionalRow, UUID> {

    List<KeyProfessionalRow> findByPersonIdOrderByPosition(UUID personId);

    void deleteByPersonId(UUID personId);
}
