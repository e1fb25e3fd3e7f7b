package org.opendsr.kit.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;

/**
 * The event types one consumer handles, and how. Types it does not list are skipped and counted by default: on an
 * internal topic a consumer legitimately ignores the types it does not need, and new types are added without
 * breaking anyone. On a topic whose publishers must only send known types (the agency inbound topic), choose
 * {@link Builder#deadLetterUnknownTypes()}, so that a misspelt type lands in the dead-letter topic instead of
 * vanishing.
 */
public final class EventHandlers {

    private final String consumerGroup;
    private final Map<String, Registration<?>> byType;
    private final boolean deadLetterUnknownTypes;

    private EventHandlers(String consumerGroup, Map<String, Registration<?>> byType, boolean deadLetterUnknownTypes) {
        this.consumerGroup = consumerGroup;
        this.byType = Map.copyOf(byType);
        this.deadLetterUnknownTypes = deadLetterUnknownTypes;
    }

    public static Builder forConsumer(String consumerGroup) {
        return new Builder(consumerGroup);
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    /** Whether a type without a handler goes to the dead-letter topic (true) or is skipped (false). */
    public boolean deadLettersUnknownTypes() {
        return deadLetterUnknownTypes;
    }

    Optional<Registration<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    record Registration<T>(EventContract contract, Class<T> payloadType, EventHandler<T> handler) {
    }

    public static final class Builder {
        private final String consumerGroup;
        private final Map<String, Registration<?>> byType = new LinkedHashMap<>();
        private boolean deadLetterUnknownTypes;

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

        /** Sends events of a type no handler is registered for to the dead-letter topic, reason UNKNOWN_TYPE. */
        public Builder deadLetterUnknownTypes() {
            this.deadLetterUnknownTypes = true;
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(consumerGroup, byType, deadLetterUnknownTypes);
        }
    }
}
