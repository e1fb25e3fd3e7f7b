package org.opendsr.referral.lifecycle.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code eligibility_assessment} table, read and written only by {@link StoredEligibilityAssessments}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EligibilityAssessmentRows extends CrudRepository<EligibilityAssessmentRow, UUID> {
}
