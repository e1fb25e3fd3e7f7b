package org.opendsr.risk.obligations.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.risk.obligations.domain.ObligationChange;
import org.opendsr.risk.obligations.domain.ObligationPolicy;
import org.opendsr.risk.obligations.domain.PersonNow;
import org.opendsr.risk.shared.application.CurrentRating;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.PersonFacts;

/**
 * What closing an obligation opens next, the one way it is worked out whoever closed it (the DSR team through the
 * API, meeting-service's review-held): while the person is an inpatient, the next inpatient C(E)TR or oversight
 * visit. The caller holds the person's lock ({@link CurrentRatings#lock}).
 */
@Singleton
class NextObligations {

    private final ObligationPolicy policy;
    private final CurrentRatings ratings;

    NextObligations(ObligationPolicy policy, CurrentRatings ratings) {
        this.policy = policy;
        this.ratings = ratings;
    }

    /** The closed one and the next one it opens, if any, to be recorded together. */
    List<ObligationChange> withTheNext(ObligationChange.Closed closed, Instant now, LocalDate today) {
        List<ObligationChange> changes = new ArrayList<>(List.of(closed));
        UUID personId = closed.obligation().personId();
        // Child or adult on the day the previous one closed, which the next one is counted from.
        PersonFacts facts = ratings.factsOf(personId, closed.closedOn()).orElse(null);
        PersonNow person = new PersonNow(ratings.of(personId).map(CurrentRating::rating).orElse(null),
                facts == null ? null : FollowingRatings.lifeStageOf(facts.lifeStage()),
                facts == null ? null : facts.setting());
        policy.nextAfter(closed, person, now, today).ifPresent(changes::add);
        return changes;
    }
}
