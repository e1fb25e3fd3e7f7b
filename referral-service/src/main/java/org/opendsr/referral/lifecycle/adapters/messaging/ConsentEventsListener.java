package org.opendsr.referral.lifecycle.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentRenewalDue;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.lifecycle.application.FollowingConsent;

/**
 * consent-service's events, as far as the register needs them: whether a person's consent is active (for
 * acceptance) and when it lapses or is withdrawn (removal). Reminders are the notifier's
 * (ConsentRemindersListener, its own consumer group), skipped here.
 */
@DsrEventListener(groupId = ConsentEventsListener.GROUP)
@Topic(Topics.CONSENT_EVENTS)
public class ConsentEventsListener extends DsrTopicListener {

    static final String GROUP = "referral-service.consent-events";

    public ConsentEventsListener(InboundEvents inbound, FollowingConsent consent) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.CONSENT_RECORDED_V1, ConsentRecorded.class, event ->
                        consent.recorded(event.payload().personId(), event.payload().consentId(),
                                event.payload().status(), event.payload().basis(), event.time()))
                .on(EventTypes.CONSENT_RENEWAL_DUE_V1, ConsentRenewalDue.class, event ->
                        consent.changed(event.payload().personId(), event.payload().consentId(),
                                ConsentStatus.RENEWAL_DUE, event.time()))
                .on(EventTypes.CONSENT_OVERDUE_V1, ConsentOverdue.class, event ->
                        consent.changed(event.payload().personId(), event.payload().consentId(),
                                ConsentStatus.OVERDUE, event.time()))
                .on(EventTypes.CONSENT_LAPSED_V1, ConsentLapsed.class, event ->
                        consent.changed(event.payload().personId(), event.payload().consentId(),
                                ConsentStatus.LAPSED, event.time()))
                .on(EventTypes.CONSENT_WITHDRAWN_V1, ConsentWithdrawn.class, event ->
                        consent.changed(event.payload().personId(), event.payload().consentId(),
                                ConsentStatus.WITHDRAWN, event.time()))
                .build());
    }
}
