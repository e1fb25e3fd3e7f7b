package org.opendsr.referral.lifecycle.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code referral}. The minimum data set is missing only while a self or family referral waits to be
 * completed ({@code complete} false). {@code referredBy} is the referrer's DSR user id, or the agency system's
 * CloudEvents source for an agency referral; an agency referrer's own details are kept alongside.
 */
@MappedEntity("referral")
public record ReferralRow(
        @Id UUID id,
        UUID personId,
        String route,
        String status,
        @Nullable String reasonForReferral,
        @Nullable String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable String indicativeRag,
        String referredBy,
        @Nullable String referrerOrganisation,
        Instant receivedAt,
        boolean complete,
        LocalDate firstContactDueOn,
        @Nullable Instant contactedAt,
        @Nullable String contactedBy,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        @Nullable String declineReason,
        @Nullable String withdrawalReason,
        @Nullable String outcomeNotes,
        @Nullable String agencyReference,
        @Nullable String referrerName,
        @Nullable String referrerRole,
        @Nullable String referrerEmail,
        @Nullable String referrerPhone) {

    /** A referral just received: no contact, no outcome yet. */
    public static ReferralRow received(UUID id, UUID personId, String route, boolean complete,
                                       @Nullable String reasonForReferral, @Nullable String currentIssues,
                                       @Nullable String whatHasBeenTried, @Nullable String whatCouldReduceRisk,
                                       @Nullable String indicativeRag, String referredBy,
                                       @Nullable String referrerOrganisation, Instant receivedAt,
                                       LocalDate firstContactDueOn) {
        return new ReferralRow(id, personId, route, "RECEIVED", reasonForReferral, currentIssues, whatHasBeenTried,
                whatCouldReduceRisk, indicativeRag, referredBy, referrerOrganisation, receivedAt, complete,
                firstContactDueOn, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same referral with an agency system's reference and referrer. */
    public ReferralRow fromAgency(String reference, String name, String role, @Nullable String email,
                                  @Nullable String phone) {
        return new ReferralRow(id, personId, route, status, reasonForReferral, currentIssues, whatHasBeenTried,
                whatCouldReduceRisk, indicativeRag, referredBy, referrerOrganisation, receivedAt, complete,
                firstContactDueOn, contactedAt, contactedBy, closedAt, closedBy, declineReason, withdrawalReason,
                outcomeNotes, reference, name, role, email, phone);
    }

    /** The minimum data set and the referrer's details are about people: never printed. */
    @Override
    public String toString() {
        return "ReferralRow[id=" + id + ", personId=" + personId + ", status=" + status + ", details redacted]";
    }
}
