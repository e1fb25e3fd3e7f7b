package org.opendsr.risk.obligations.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.obligations.domain.ObligationPolicy;
import org.opendsr.risk.obligations.domain.OpeningCause;
import org.opendsr.risk.obligations.domain.RatingMove;
import org.opendsr.risk.shared.application.RatingChange;
import org.opendsr.risk.shared.application.RatingFollower;

/**
 * What a rating obliges, opened (or closed on discharge, or rescheduled when the inpatient setting is recorded) in the
 * rating's own transaction: a rating is never stored without what it obliges, and each obligation opened is announced
 * ({@code dsr.risk.obligation-due.v1}) through the outbox in that transaction.
 */
@Singleton
public class FollowingRatings implements RatingFollower {

    private final Obligations obligations;
    private final ObligationPolicy policy;
    private final ObligationRecords records;

    FollowingRatings(Obligations obligations, ObligationPolicy policy, ObligationRecords records) {
        this.obligations = obligations;
        this.policy = policy;
        this.records = records;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void ratingChanged(RatingChange change) {
        RatingMove move = new RatingMove(change.personId(), change.rating(), change.previous(), change.at(),
                change.on(), OpeningCause.valueOf(change.cause().name()), lifeStageOf(change.person().lifeStage()),
                change.person().under25(), change.person().setting());
        records.recordBySystem(policy.follow(move, obligations.ofPersonForUpdate(change.personId())));
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void leftRegister(UUID personId, Instant at) {
        records.recordBySystem(policy.leftRegister(obligations.ofPersonForUpdate(personId), at,
                LocalDate.ofInstant(at, DsrClock.ENGLAND)));
    }

    /**
     * Child or adult sets the timescales; when risk-service does not know which (it should, from the referral), the
     * child's are used: the more frequent reviews, as for an unknown inpatient setting.
     */
    static LifeStage lifeStageOf(LifeStage known) {
        return known == null ? LifeStage.CHILD : known;
    }
}
