package org.opendsr.referral.lifecycle.adapters.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.referral.lifecycle.domain.AgencyReferrer;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.lifecycle.domain.Referrals;

/** Referrals in PostgreSQL: one {@code referral} row each, written whole. */
@Singleton
class StoredReferrals implements Referrals {

    private final ReferralRows rows;

    StoredReferrals(ReferralRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Referral> byId(UUID referralId) {
        return rows.findById(referralId).map(StoredReferrals::referral);
    }

    @Override
    public Optional<Referral> byAgencyReference(String agencySource, String agencyReference) {
        return rows.findByReferredByAndAgencyReference(agencySource, agencyReference).map(StoredReferrals::referral);
    }

    @Override
    public List<Referral> ofPerson(UUID personId) {
        return rows.findByPersonIdOrderByReceivedAt(personId).stream().map(StoredReferrals::referral).toList();
    }

    @Override
    public void add(Referral referral) {
        rows.save(row(referral));
    }

    @Override
    public void save(Referral referral) {
        rows.update(row(referral));
    }

    private static Referral referral(ReferralRow row) {
        boolean anyData = row.reasonForReferral() != null || row.currentIssues() != null
                || row.whatHasBeenTried() != null || row.whatCouldReduceRisk() != null || row.indicativeRag() != null;
        MinimumDataSet data = anyData ? new MinimumDataSet(row.reasonForReferral(), row.currentIssues(),
                row.whatHasBeenTried(), row.whatCouldReduceRisk(),
                row.indicativeRag() == null ? null : RagRating.valueOf(row.indicativeRag())) : null;
        AgencyReferrer agency = row.agencyReference() == null ? null : new AgencyReferrer(row.agencyReference(),
                row.referrerName(), row.referrerRole(), row.referrerEmail(), row.referrerPhone());
        return new Referral(row.id(), row.personId(), ReferralRoute.valueOf(row.route()),
                ReferralStatus.valueOf(row.status()), row.complete(), data, row.referredBy(),
                row.referrerOrganisation(), row.receivedAt(), row.firstContactDueOn(), row.contactedAt(),
                row.contactedBy(), row.closedAt(), row.closedBy(),
                row.declineReason() == null ? null : DeclineReason.valueOf(row.declineReason()),
                row.withdrawalReason() == null ? null : WithdrawalReason.valueOf(row.withdrawalReason()),
                row.outcomeNotes(), agency, agency == null ? row.referrerEmail() : null);
    }

    private static ReferralRow row(Referral referral) {
        MinimumDataSet data = referral.minimumDataSet();
        AgencyReferrer agency = referral.agencyReferrer();
        return new ReferralRow(referral.id(), referral.personId(), referral.route().name(), referral.status().name(),
                data == null ? null : data.reasonForReferral(), data == null ? null : data.currentIssues(),
                data == null ? null : data.whatHasBeenTried(), data == null ? null : data.whatCouldReduceRisk(),
                data == null || data.indicativeRag() == null ? null : data.indicativeRag().name(),
                referral.referredBy(), referral.referrerOrganisation(), referral.receivedAt(), referral.isComplete(),
                referral.firstContactDueOn(), referral.contactedAt(), referral.contactedBy(), referral.closedAt(),
                referral.closedBy(), referral.declineReason() == null ? null : referral.declineReason().name(),
                referral.withdrawalReason() == null ? null : referral.withdrawalReason().name(),
                referral.outcomeNotes(), agency == null ? null : agency.reference(),
                agency == null ? null : agency.name(), agency == null ? null : agency.role(),
                agency == null ? referral.professionalEmail() : agency.email(),
                agency == null ? null : agency.phone());
    }
}
