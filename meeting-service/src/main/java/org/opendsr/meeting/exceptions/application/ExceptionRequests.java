package org.opendsr.meeting.exceptions.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;

/** Every request for a Meeting by Exception, in PostgreSQL; none is deleted. */
public interface ExceptionRequests {

    Optional<ExceptionRequest> find(UUID requestId);

    /** The request, locked until the caller's transaction ends. */
    Optional<ExceptionRequest> findForUpdate(UUID requestId);

    void save(ExceptionRequest request);

    /** The person's requests still REQUESTED or SCHEDULED, locked until the caller's transaction ends. */
    List<ExceptionRequest> openOfPersonForUpdate(UUID personId);

    /** Where a page starts: after the request with this time and id (newest first). */
    record After(Instant requestedAt, UUID id) {
    }

    /**
     * Requests about the people in scope with one of the statuses (all when empty), newest first, keyset paged,
     * at most {@code limit}; filtered in SQL.
     */
    List<ExceptionRequest> list(Set<ExceptionStatus> statuses, PersonScope scope, @Nullable After after, int limit);
}
