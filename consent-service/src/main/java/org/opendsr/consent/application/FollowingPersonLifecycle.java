package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.domain.MergedConsents;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.kit.lifecycle.PersonLifecycle;
import org.opendsr.kit.lifecycle.PersonRecords;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.ports.Locks;

/**
 * consent-service follows referral-service's person lifecycle (issue 16): an erased person's consents, reminders and
 * referral facts are deleted and the erasure confirmed ({@code dsr.consent.erasure-confirmed.v1}); a duplicate's
 * consents move to the survivor, who keeps one open consent ({@link MergedConsents}). Each runs in the inbound event's
 * transaction (the kit's {@link PersonLifecycle}).
 */
@Singleton
public class FollowingPersonLifecycle implements PersonRecords {

    public static final String SERVICE = "consent-service";

    private final Consents consents;
    private final HeldRecords held;
    private final Locks locks;
    private final Clock clock;
    private final PersonLifecycle.Following following;

    public FollowingPersonLifecycle(Consents consents, HeldRecords held, Locks locks, Clock clock,
                                    PersonLifecycle lifecycle) {
        this.consents = consents;
        this.held = held;
        this.locks = locks;
        this.clock = clock;
        this.following = lifecycle.of(SERVICE, EventTypes.CONSENT_ERASURE_CONFIRMED_V1, this);
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
        // Taken in turn with recording consent and turning 18, so nothing is written for the person meanwhile.
        locks.lock(KnowingPeople.PERSON_LOCK + personId);
        return held.eraseAllOf(personId);
    }

    @Override
    public void merge(UUID from, UUID into) {
        // Both people, always in the same order, so that two merges never wait on each other.
        Stream.of(from, into).sorted(Comparator.comparing(UUID::toString))
                .forEach(personId -> locks.lock(KnowingPeople.PERSON_LOCK + personId));
        MergedConsents.closeTheEarlier(consents.openConsentOfForUpdate(from), consents.openConsentOfForUpdate(into),
                LocalDate.now(clock)).ifPresent(consents::update);
        held.moveAll(from, into);
    }
}
