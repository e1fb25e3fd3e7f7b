package org.opendsr.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one way to declare a listener: a service says which topic and group, and which event types it handles;
 * receiving, checking, de-duplicating, retrying and dead-lettering are the kit's ({@link InboundEvents}).
 * <pre>{@code
 * @DsrEventListener(groupId = ReferralEventsListener.GROUP)
 * @Topic(Topics.REFERRAL_EVENTS)
 * public class ReferralEventsListener extends DsrTopicListener {
 *     static final String GROUP = "consent-service";
 *
 *     public ReferralEventsListener(InboundEvents inbound, KnowingPeople people) {
 *         super(inbound, EventHandlers.forConsumer(GROUP)
 *                 .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, people::referralReceived)
 *                 .build());
 *     }
 * }
 * }</pre>
 * The {@code @Topic} goes on the class: micronaut-kafka subscribes a listener method without its own
 * {@code @Topic} to the topics declared on its bean's class, and this class's public {@link #receive} is that
 * method for every subclass. The group in {@link DsrEventListener} and in {@link EventHandlers} must be the same.
 */
public abstract class DsrTopicListener {

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    protected DsrTopicListener(InboundEvents inbound, EventHandlers handlers) {
        this.inbound = inbound;
        this.handlers = handlers;
    }

    /** Called by micronaut-kafka for each record of the subclass's topic. */
    public void receive(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
