package org.opendsr.risk.obligations.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.risk.obligations.domain.MergedObligations;

/**
 * Before a duplicate's obligations move to the survivor (a person merge), closes those the survivor holds one of the
 * same kind of ({@link MergedObligations}), stored, published and audited as every system change is.
 */
@Singleton
public class MergingObligations {

    /** Who the audit and the obligation name as closing it. */
    static final String ACTOR = "risk-service:person-merge";

    private final Obligations obligations;
    private final ObligationRecords records;

    MergingObligations(Obligations obligations, ObligationRecords records) {
        this.obligations = obligations;
        this.records = records;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void closeHeldTwice(UUID from, UUID into, LocalDate today, Instant now) {
        records.recordBySystem(ACTOR, MergedObligations.closeHeldTwice(obligations.ofPersonForUpdate(from),
                obligations.ofPersonForUpdate(into), today, now, ACTOR));
    }
}
