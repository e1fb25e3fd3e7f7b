package org.opendsr.referral.subjectaccess.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.subjectaccess.domain.SubjectAccessRequest;

/** The subject access requests recorded (a port). */
public interface SubjectAccessRequests {

    void add(SubjectAccessRequest request);

    /** Writes the request's state and its progress as they now are. */
    void save(SubjectAccessRequest request);

    /** The request, locked for an update until the transaction ends. */
    Optional<SubjectAccessRequest> byIdForUpdate(UUID id);

    Optional<SubjectAccessRequest> byId(UUID id);

    /** The newest received first, at most {@code limit}; open ones only if {@code openOnly}. */
    List<SubjectAccessRequest> newestFirst(boolean openOnly, int limit);
}
