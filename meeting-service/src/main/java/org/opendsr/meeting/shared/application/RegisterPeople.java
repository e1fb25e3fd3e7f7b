package org.opendsr.meeting.shared.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The register as meeting-service follows it ({@link RegisterPerson}); written only by {@link FollowingTheRegister}. */
public interface RegisterPeople {

    Optional<RegisterPerson> find(UUID personId);

    /** Everyone known in an area: referred, on the register, or left it (the agenda picks whom it needs). */
    List<RegisterPerson> knownInArea(String area);
}
