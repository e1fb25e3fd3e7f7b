package org.opendsr.consent.application;

import java.util.List;

import org.opendsr.consent.domain.ConsentChange;

/** Publishes what changed as consent events, in the caller's transaction (a port: the outbox adapter). */
public interface ConsentEvents {

    void publish(List<? extends ConsentChange> changes);

    void publish(ConsentChange change);
}
