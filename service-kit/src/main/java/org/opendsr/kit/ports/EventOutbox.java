package org.opendsr.kit.ports;

import java.util.UUID;

/**
 * Where the application puts the events its changes cause, in the same transaction as the change: they are
 * published after commit and never if it rolls back. Implemented by the kit's transactional outbox.
 */
public interface EventOutbox {

    /**
     * Appends an event about a person. Must be called inside a transaction.
     *
     * @param aggregateType what changed, e.g. "referral"
     * @param personId      the person the event is about: the CloudEvents subject and the Kafka key
     * @param eventType     a type from the event catalogue, e.g. {@code EventTypes.REFERRAL_RECEIVED_V1}
     * @param payload       the event's data record, checked against its published schema
     * @return the event id
     */
    UUID append(String aggregateType, UUID personId, String eventType, Object payload);
}
