package org.opendsr.risk.obligations.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.obligations.domain.Completion;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationChange;
import org.opendsr.risk.obligations.domain.ObligationPolicy;
import org.opendsr.risk.obligations.domain.PersonNow;
import org.opendsr.risk.shared.application.CurrentRating;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.PersonFacts;
import org.opendsr.risk.shared.application.RiskAccess;

/**
 * The DSR team's work on an obligation: book it, complete it, or close it as not needed. Only the DSR team of the
 * person's area or a lead (a care-team professional may read obligations, not close them: 403; anyone else 404).
 * meeting-service will do this later through its events; until then, through the API. Each is one transaction:
 * the obligation, the next one it opens (an inpatient C(E)TR or oversight visit), the events and the audit.
 */
@Singleton
public class ManagingObligations {

    private final Obligations obligations;
    private final ObligationPolicy policy;
    private final ObligationRecords records;
    private final CurrentRatings ratings;
    private final RiskAccess access;
    private final Clock clock;

    ManagingObligations(Obligations obligations, ObligationPolicy policy, ObligationRecords records,
                        CurrentRatings ratings, RiskAccess access, Clock clock) {
        this.obligations = obligations;
        this.policy = policy;
        this.records = records;
        this.ratings = ratings;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Obligation book(UUID obligationId, LocalDate bookedFor, Caller caller) {
        Obligation obligation = lockedForTheDsrTeam(obligationId, caller);
        LocalDate today = LocalDate.now(clock.withZone(DsrClock.ENGLAND));
        records.recordBy(caller, List.of(obligation.book(bookedFor, today)));
        return obligation;
    }

    @Transactional
    public Obligation complete(UUID obligationId, Completion completion, Caller caller) {
        Obligation obligation = lockedForTheDsrTeam(obligationId, caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        ObligationChange.Closed closed = obligation.complete(completion, today, now, caller.userId());
        records.recordBy(caller, withTheNext(closed, now, today));
        return obligation;
    }

    @Transactional
    public Obligation notNeeded(UUID obligationId, String reason, Caller caller) {
        Obligation obligation = lockedForTheDsrTeam(obligationId, caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        ObligationChange.Closed closed = obligation.notNeeded(reason, today, now, caller.userId());
        records.recordBy(caller, withTheNext(closed, now, today));
        return obligation;
    }

    /** The closed one and, while the person is an inpatient, the next inpatient C(E)TR or visit it opens. */
    private List<ObligationChange> withTheNext(ObligationChange.Closed closed, Instant now, LocalDate today) {
        List<ObligationChange> changes = new ArrayList<>(List.of(closed));
        UUID personId = closed.obligation().personId();
        PersonFacts facts = ratings.factsOf(personId).orElse(null);
        PersonNow person = new PersonNow(ratings.of(personId).map(CurrentRating::rating).orElse(null),
                facts == null ? null : FollowingRatings.lifeStageOf(facts.lifeStage()),
                facts == null ? null : facts.setting());
        policy.nextAfter(closed, person, now, today).ifPresent(changes::add);
        return changes;
    }

    private Obligation lockedForTheDsrTeam(UUID obligationId, Caller caller) {
        Obligation obligation = obligations.findForUpdate(obligationId)
                .orElseThrow(() -> RuleBroken.notFound("Obligation"));
        access.requireDsrTeam(obligation.personId(), caller, "obligation " + obligation.kind());
        return obligation;
    }
}
