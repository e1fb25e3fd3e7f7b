package org.opendsr.kit.messaging;

import java.time.Instant;

/**
 * An event handed to a handler: the CloudEvents attributes it may need and the payload record.
 *
 * @param id            the event id (already recorded as processed for this consumer)
 * @param type          the event type
 * @param source        who published it: a DSR service, or the agency system on the inbound topic
 * @param subject       the personId for internal events
 * @param time          when the publisher's transaction wrote it
 * @param correlationId the correlation id it carried, if any
 * @param payload       the {@code data}, mapped to the contract's record
 * @param topic         the topic the record arrived on: unlike {@code source}, which the publisher writes, the broker
 *                      decides who may write a topic, so the topic is what a consumer can trust about the sender
 *                      (each agency has its own inbound topic); null only where a test builds an event by hand
 */
public record ReceivedEvent<T>(String id, String type, String source, String subject, Instant time, String correlationId,
                               T payload, String topic) {

    /** An event with no topic (built by hand, e.g. in a test). */
    public ReceivedEvent(String id, String type, String source, String subject, Instant time, String correlationId,
                         T payload) {
        this(id, type, source, subject, time, correlationId, payload, null);
    }
}
