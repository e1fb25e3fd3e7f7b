package org.opendsr.kit.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;

/** The event types one consumer handles, and how. Types it does not list are skipped, not dead-lettered. */
public final class EventHandlers {

    private final String consumerGroup;
    private final Map<String, Registration<?>> byType;

    private EventHandlers(String consumerGroup, Map<String, Registration<?>> byType) {
        this.consumerGroup = consumerGroup;
        this.byType = Map.copyOf(byType);
    }

    public static Builder forConsumer(String consumerGroup) {
        return new Builder(consumerGroup);
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    Optional<Registration<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    record Registration<T>(EventContract contract, Class<T> payloadType, EventHandler<T> handler) {
    }

    public static final class Builder {
        private final String consumerGroup;
        private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

        private Builder(String consumerGroup) {
            this.consumerGroup = Objects.requireNonNull(consumerGroup, "consumerGroup");
        }

        public <T> Builder on(String eventType, Class<T> payloadType, EventHandler<T> handler) {
            EventContract contract = EventCatalogue.of(eventType);
            if (!contract.payloadType().equals(payloadType)) {
                throw new IllegalArgumentException(eventType + " carries " + contract.payloadType().getSimpleName()
                        + ", not " + payloadType.getSimpleName());
            }
            byType.put(eventType, new Registration<>(contract, payloadType, handler));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(consumerGroup, byType);
        }
    }
}
