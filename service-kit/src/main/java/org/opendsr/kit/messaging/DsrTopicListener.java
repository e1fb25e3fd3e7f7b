package org.opendsr.kit.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

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
 * Handlers still see one event at a time; that a poll is applied in batches is the kit's business.
 * (This class declares no other public method: micronaut-kafka would subscribe each of them to the topic too.)
 */
public abstract class DsrTopicListener {

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    protected DsrTopicListener(InboundEvents inbound, EventHandlers handlers) {
        this.inbound = inbound;
        this.handlers = handlers;
        if (inbound != null) {
            // So that a dead letter of this group can be replayed through the same handlers (DeadLetterOffice).
            inbound.register(handlers);
        }
    }

    /** Called by micronaut-kafka with each poll of the subclass's topic, and the consumer that polled it. */
    public void receive(ConsumerRecords<String, byte[]> records, Consumer<?, ?> consumer) {
        inbound.processBatch(records, handlers, consumer);
    }
}
