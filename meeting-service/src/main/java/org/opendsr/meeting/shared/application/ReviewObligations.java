package org.opendsr.meeting.shared.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** risk-service's obligations as meeting-service follows them; written only by {@link FollowingTheRegister}. */
public interface ReviewObligations {

    Optional<ReviewObligation> obligation(UUID obligationId);

    /** The person's obligations still open (due or overdue), soonest first. */
    List<ReviewObligation> openFor(UUID personId);

    /** The open obligations of everyone in an area, soonest first. */
    List<ReviewObligation> openInArea(String area);
}
