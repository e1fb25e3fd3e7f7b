package org.opendsr.consent.application;

import java.util.UUID;

/** Everything consent-service holds under a personId, as a whole (a port: the persistence adapter implements it). */
public interface HeldRecords {

    /** Deletes every row about the person: consents, their reminders, the person and their open referrals. */
    long eraseAllOf(UUID personId);

    /**
     * Re-keys every row of {@code from} to {@code into}: consents (with their reminders), open referrals, and what is
     * known of the person, folded into the survivor's. At most one of them has an open consent by now.
     */
    void moveAll(UUID from, UUID into);
}
