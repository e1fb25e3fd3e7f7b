package org.opendsr.reporting.store.adapters.messaging;

import org.opendsr.contracts.EventCatalogue;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** A store listener's handlers: every type its topic has in {@link StoreConsumers}, each into the store. */
final class StoreHandlers {

    private StoreHandlers() {
    }

    static EventHandlers of(String topic, String group, KeepingTheStore store) {
        if (!group.equals(StoreConsumers.GROUP_OF_TOPIC.get(topic))) {
            // The rebuild records what it applies under StoreConsumers' group: a listener under another would apply it twice.
            throw new IllegalStateException("the listener of " + topic + " must use group "
                    + StoreConsumers.GROUP_OF_TOPIC.get(topic));
        }
        EventHandlers.Builder builder = EventHandlers.forConsumer(group);
        StoreConsumers.TYPES_OF_TOPIC.get(topic).stream().sorted()
                .forEach(type -> on(builder, type, EventCatalogue.of(type).payloadType(), store));
        return builder.build();
    }

    private static <T> void on(EventHandlers.Builder builder, String type, Class<T> payloadType, KeepingTheStore store) {
        builder.on(type, payloadType, store::apply);
    }
}
