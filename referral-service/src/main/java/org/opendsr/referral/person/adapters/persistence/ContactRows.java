package org.opendsr.referral.person.adapters.persistence;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Contact details of the person, their parents or carers and paid carers. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactRows extends CrudRepository<ContactRow, UUID> {

    List<ContactRow> findByPersonIdOrderByPosition(UUID personId);

    void deleteByPersonId(UUID personId);
}
