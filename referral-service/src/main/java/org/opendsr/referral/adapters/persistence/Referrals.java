package org.opendsr.referral.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Every referral the DSR received. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Referrals extends CrudRepository<ReferralRow, UUID> {

    List<ReferralRow> findByPersonIdOrderByReceivedAt(UUID personId);

    Optional<ReferralRow> findByReferredByAndAgencyReference(String referredBy, String agencyReference);

    @Query("UPDATE referral SET status = 'CONTACTED', contacted_at = :contactedAt, contacted_by = :contactedBy"
            + " WHERE id = :id")
    void markContacted(UUID id, Instant contactedAt, String contactedBy);

    @Query("UPDATE referral SET status = :status, closed_at = :closedAt, closed_by = :closedBy,"
            + " decline_reason = :declineReason, withdrawal_reason = :withdrawalReason, outcome_notes = :outcomeNotes"
            + " WHERE id = :id")
    void close(UUID id, String status, Instant closedAt, String closedBy, @Nullable String declineReason,
               @Nullable String withdrawalReason, @Nullable String outcomeNotes);

    @Query("UPDATE referral SET complete = true, reason_for_referral = :reasonForReferral,"
            + " current_issues = :currentIssues, what_has_been_tried = :whatHasBeenTried,"
            + " what_could_reduce_risk = :whatCouldReduceRisk, indicative_rag = :indicativeRag WHERE id = :id")
    void complete(UUID id, String reasonForReferral, String currentIssues, @Nullable String whatHasBeenTried,
                  @Nullable String whatCouldReduceRisk, @Nullable String indicativeRag);
}
