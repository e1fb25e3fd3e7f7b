package org.opendsr.referral.lifecycle.adapters.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.ConsentStandings;

/** Consent standings in PostgreSQL, one row per person. */
@Singleton
class StoredConsentStandings implements ConsentStandings {

    private final ConsentStandingRows rows;

    StoredConsentStandings(ConsentStandingRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<ConsentStanding> of(UUID personId) {
        return rows.findById(personId).map(row -> new ConsentStanding(row.personId(), row.consentId(),
                ConsentStatus.valueOf(row.status()), row.changedAt(),
                row.basis() == null ? null : ConsentBasis.valueOf(row.basis())));
    }

    @Override
    public void keep(ConsentStanding standing) {
        ConsentStandingRow row = new ConsentStandingRow(standing.personId(), standing.consentId(),
                standing.status().name(), standing.changedAt(),
                standing.basis() == null ? null : standing.basis().name());
        if (rows.existsById(standing.personId())) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }
}
