package org.opendsr.meeting.shared.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentRenewalDue;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.meeting.shared.application.FollowingTheRegister;

/** consent-service's events: whose consent is due for renewal, overdue, lapsed or withdrawn (for agendas). */
@DsrEventListener(groupId = ConsentEventsListener.GROUP)
@Topic(Topics.CONSENT_EVENTS)
public class ConsentEventsListener extends DsrTopicListener {

    static final String GROUP = "meeting-service.consent-events";

    public ConsentEventsListener(InboundEvents inbound, MergedPeople merged, FollowingTheRegister register) {
        // An event about a duplicate merged since (issue 16) is applied to the survivor: MergedPeople.resolving.
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.CONSENT_RECORDED_V1, ConsentRecorded.class,
                        merged.resolving(ConsentRecorded.class, register::consentRecorded))
                .on(EventTypes.CONSENT_RENEWAL_DUE_V1, ConsentRenewalDue.class,
                        merged.resolving(ConsentRenewalDue.class, register::consentRenewalDue))
                .on(EventTypes.CONSENT_OVERDUE_V1, ConsentOverdue.class,
                        merged.resolving(ConsentOverdue.class, register::consentOverdue))
                .on(EventTypes.CONSENT_LAPSED_V1, ConsentLapsed.class,
                        merged.resolving(ConsentLapsed.class, register::consentLapsed))
                .on(EventTypes.CONSENT_WITHDRAWN_V1, ConsentWithdrawn.class,
                        merged.resolving(ConsentWithdrawn.class, register::consentWithdrawn))
                .build());
    }
}
