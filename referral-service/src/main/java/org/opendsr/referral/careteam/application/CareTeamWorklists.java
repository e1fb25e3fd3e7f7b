package org.opendsr.referral.careteam.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.careteam.domain.JoinRequest;

/** The DSR team's worklist of pending requests to join a care team, filtered in the database by who may see whom. */
public interface CareTeamWorklists {

    /** Pending requests of the people in scope, oldest first, after the given one (keyset). */
    List<JoinRequest> pendingRequests(PersonScope scope, @Nullable Instant requestedAfter, @Nullable UUID idAfter,
                                      int limit);
}
