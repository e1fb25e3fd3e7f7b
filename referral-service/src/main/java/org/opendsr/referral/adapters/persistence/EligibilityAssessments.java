package org.opendsr.referral.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Criteria checklists, one per decided referral. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EligibilityAssessments extends CrudRepository<EligibilityAssessmentRow, UUID> {
}
