package org.opendsr.contracts;

import java.util.List;
import java.util.Optional;

import org.opendsr.contracts.referral.ReferralReceived;

/** Every event type the DSR publishes, with its topic, publisher and payload. Each later capability adds its own. */
public final class EventCatalogue {

    private static final List<EventContract> CONTRACTS = List.of(
            new EventContract(EventTypes.REFERRAL_RECEIVED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ReferralReceived.class));

    private EventCatalogue() {
    }

    public static List<EventContract> all() {
        return CONTRACTS;
    }

    public static Optional<EventContract> byType(String type) {
        return CONTRACTS.stream().filter(contract -> contract.type().equals(type)).findFirst();
    }

    public static EventContract of(String type) {
        return byType(type).orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
    }
}
