package org.opendsr.referral.lifecycle.adapters.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code referral} table, read and written only by {@link StoredReferrals}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReferralRows extends CrudRepository<ReferralRow, UUID> {

    List<ReferralRow> findByPersonIdOrderByReceivedAt(UUID personId);

    Optional<ReferralRow> findByReferredByAndAgencyReference(String referredBy, String agencyReference);
}
