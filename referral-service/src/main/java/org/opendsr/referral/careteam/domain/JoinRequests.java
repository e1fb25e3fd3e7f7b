package org.opendsr.referral.careteam.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Requests to join a person's care team as a key professional, pending and decided. */
public interface JoinRequests {

    List<JoinRequest> ofPerson(UUID personId);

    Optional<JoinRequest> byId(UUID requestId);

    void save(JoinRequest request);
}
