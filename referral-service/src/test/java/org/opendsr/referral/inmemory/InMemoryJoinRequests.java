package org.opendsr.referral.inmemory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.careteam.application.CareTeamWorklists;
import org.opendsr.referral.careteam.domain.JoinRequest;
import org.opendsr.referral.careteam.domain.JoinRequests;

/** Requests in memory; the worklist ignores the scope (the SQL scope is tested against PostgreSQL). */
public class InMemoryJoinRequests implements JoinRequests, CareTeamWorklists {

    private final Map<UUID, JoinRequest> saved = new LinkedHashMap<>();

    @Override
    public List<JoinRequest> ofPerson(UUID personId) {
        return saved.values().stream().filter(r -> r.personId().equals(personId)).toList();
    }

    @Override
    public Optional<JoinRequest> byId(UUID requestId) {
        return Optional.ofNullable(saved.get(requestId));
    }

    @Override
    public void save(JoinRequest request) {
        saved.put(request.id(), request);
    }

    @Override
    public List<JoinRequest> pendingRequests(PersonScope scope, Instant requestedAfter, UUID idAfter, int limit) {
        return saved.values().stream().filter(JoinRequest::isPending).limit(limit).toList();
    }
}
