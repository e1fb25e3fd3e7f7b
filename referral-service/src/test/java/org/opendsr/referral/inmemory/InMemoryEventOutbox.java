package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opendsr.kit.ports.EventOutbox;

/** The events a use case published, in order. */
public class InMemoryEventOutbox implements EventOutbox {

    public record Appended(String aggregateType, UUID personId, String eventType, Object payload) {
    }

    private final List<Appended> appended = new ArrayList<>();

    @Override
    public UUID append(String aggregateType, UUID personId, String eventType, Object payload) {
        appended.add(new Appended(aggregateType, personId, eventType, payload));
        return UUID.randomUUID();
    }

    public List<String> types() {
        return appended.stream().map(Appended::eventType).toList();
    }

    /** The one event of this type; fails when there is none or more than one. */
    public <T> T only(String eventType, Class<T> payloadType) {
        List<Appended> ofType = appended.stream().filter(event -> event.eventType().equals(eventType)).toList();
        if (ofType.size() != 1) {
            throw new AssertionError("expected one " + eventType + ", got " + types());
        }
        return payloadType.cast(ofType.get(0).payload());
    }

    public void clear() {
        appended.clear();
    }
}
