package org.opendsr.reporting.store.adapters.messaging;

import org.opendsr.contracts.EventCatalogue;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** A store listener's handlers: every type its topic has in {@link StoreConsumers}, each into the store. */
final class StoreHandlers {

    private StoreHandlers() {
    }

    static EventHandlers of(String topic, KeepingTheStore store) {
        EventHandlers.Builder builder = EventHandlers.forConsumer(StoreConsumers.GROUP_OF_TOPIC.get(topic));
        StoreConsumers.TYPES_OF_TOPIC.get(topic).stream().sorted()
                .forEach(type -> on(builder, type, EventCatalogue.of(type).payloadType(), store));
        return builder.build();
    }

    private static <T> void on(EventHandlers.Builder builder, String type, Class<T> payloadType, KeepingTheStore store) {
        builder.on(type, payloadType, store::apply);
    }
}
