package org.opendsr.referral.shared.application;

import java.util.UUID;

/**
 * Where the use cases put the events they publish: written in their transaction, sent to the topics after commit.
 * (Referral-service's own port until the kit's {@code EventOutbox} replaces it.)
 */
public interface EventOutbox {

    /** Appends one event about a person; returns its event id. */
    UUID append(String aggregateType, UUID personId, String eventType, Object payload);
}
