package org.opendsr.risk.shared.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.kit.lifecycle.PersonLifecycle;
import org.opendsr.kit.lifecycle.PersonRecords;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.risk.obligations.application.MergingObligations;
import org.opendsr.risk.rating.domain.MergedRatings;

/**
 * risk-service follows referral-service's person lifecycle (issue 16): an erased person's ratings, assessments,
 * updates, obligations and admission status are deleted and the erasure confirmed
 * ({@code dsr.risk.erasure-confirmed.v1}); a duplicate's are moved to the survivor, whose current rating is the latest
 * of the two ({@link MergedRatings}). Each runs in the inbound event's transaction (the kit's {@link PersonLifecycle}).
 *
 * <p>A restriction of processing (UK GDPR Article 18) is shown with the person's rating and stops nothing here: the
 * ratings, the updates cadence and the obligations' reviews are the DSR's duty of care to a person it still holds on
 * the register (essential, Article 18(2): the protection of the person's vital interests); the messages they may lead
 * to are sent by referral-service, which stops them.
 */
@Singleton
public class FollowingPersonLifecycle implements PersonRecords {

    public static final String SERVICE = "risk-service";

    private final HeldRecords held;
    private final MergingObligations obligations;
    private final Clock clock;
    private final PersonLifecycle.Following following;

    public FollowingPersonLifecycle(HeldRecords held, MergingObligations obligations, Clock clock,
                                    PersonLifecycle lifecycle) {
        this.held = held;
        this.obligations = obligations;
        this.clock = clock;
        this.following = lifecycle.of(SERVICE, EventTypes.RISK_ERASURE_CONFIRMED_V1, this);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personErased(ReceivedEvent<PersonErased> event) {
        following.erased(event);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personMerged(ReceivedEvent<PersonMerged> event) {
        following.merged(event);
    }

    @Override
    public long erase(UUID personId) {
        return held.eraseAllOf(personId);
    }

    @Override
    public void merge(UUID from, UUID into) {
        boolean duplicatesStands = MergedRatings.duplicatesRatingStands(held.currentRatingSince(from).orElse(null),
                held.currentRatingSince(into).orElse(null));
        obligations.closeHeldTwice(from, into, LocalDate.now(clock), clock.instant());
        held.moveAll(from, into, duplicatesStands, clock.instant());
    }
}
