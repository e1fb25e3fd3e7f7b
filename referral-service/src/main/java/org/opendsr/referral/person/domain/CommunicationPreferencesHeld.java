package org.opendsr.referral.person.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The communication preferences recorded for each person; nothing recorded for most. */
public interface CommunicationPreferencesHeld {

    Optional<CommunicationPreferences> of(UUID personId);

    /** The person's preferences are these from now on. */
    void replace(UUID personId, CommunicationPreferences preferences, Instant at);
}
