package org.opendsr.meeting.shared.application;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * meeting-service follows referral-service's person lifecycle (issue 16): everything about an erased person is
 * deleted (a tracking meeting shared with others stays, without their part) and the erasure confirmed
 * ({@code dsr.meeting.erasure-confirmed.v1}); a duplicate's meetings, agenda items, outcomes and bookings move to the
 * survivor. Each runs in the inbound event's transaction (the kit's {@link PersonLifecycle}).
 *
 * <p>A restriction of processing (UK GDPR Article 18) is shown with the person's outcomes and bookings and stops
 * nothing here: the tracking meetings, Meetings by Exception and C(E)TR bookings are the care the register exists for
 * (essential: the protection of the person's vital interests, Article 18(2)); the messages they may lead to (an
 * invitation, the update after a meeting) are sent by referral-service, which stops them.
 */
@Singleton
public class FollowingPersonLifecycle implements PersonRecords {

    public static final String SERVICE = "meeting-service";

    private static final Logger LOG = LoggerFactory.getLogger(FollowingPersonLifecycle.class);

    private final HeldRecords held;
    private final PersonLifecycle.Following following;

    public FollowingPersonLifecycle(HeldRecords held, PersonLifecycle lifecycle) {
        this.held = held;
        this.following = lifecycle.of(SERVICE, EventTypes.MEETING_ERASURE_CONFIRMED_V1, this);
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
        int leftUnderDuplicate = held.moveAll(from, into);
        if (leftUnderDuplicate > 0) {
            LOG.warn("Person {} merged into {}: {} outcome(s) of meetings that also recorded one about {} stay under {} "
                    + "for the DSR team to reconcile", from, into, leftUnderDuplicate, into, from);
        }
    }
}
