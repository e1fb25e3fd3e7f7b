package org.opendsr.kit.messaging;

/**
 * Applies one event to a service's state. It runs inside the transaction that also records the event as
 * processed, so its writes (and any outbox events) commit together with that record or not at all.
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(ReceivedEvent<T> event);
}
