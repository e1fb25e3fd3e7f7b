package org.opendsr.risk.obligations.application;

import static org.opendsr.risk.shared.application.SystemActors.MEETING_SERVICE;

import java.util.List;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.risk.obligations.domain.Completion;

/**
 * An outcome was recorded about a person at a DSR meeting: that meeting was the multi-agency meeting an AMBER rating
 * obliges ({@code MULTI_AGENCY_REVIEW}, met by a {@code MULTI_AGENCY_MEETING}), so the person's open one is done.
 * Both kinds of DSR meeting count: a tracking meeting brings the agencies together about everyone on its agenda, and a
 * Meeting by Exception is multi-agency by definition (with the person and family besides). A C(E)TR is not met this
 * way: it is booked and held through meeting-service's bookings.
 */
@Singleton
public class FollowingMeetingOutcomes {

    private static final List<MeetingKind> MULTI_AGENCY = List.of(MeetingKind.TRACKING, MeetingKind.EXCEPTION);

    private final ManagingObligations managing;

    public FollowingMeetingOutcomes(ManagingObligations managing) {
        this.managing = managing;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void outcomeRecorded(ReceivedEvent<OutcomeRecorded> event) {
        OutcomeRecorded outcome = event.payload();
        if (!MULTI_AGENCY.contains(outcome.meetingKind())) {
            return;
        }
        // The meeting's day, not when its outcome was written up: the review was met that day, and one opened after
        // it (a rating agreed since) is owed by a later meeting.
        managing.completeAtMeeting(outcome.personId(), ObligationKind.MULTI_AGENCY_REVIEW,
                new Completion(outcome.heldOn(), ReviewType.MULTI_AGENCY_MEETING, outcome.meetingId(), List.of()),
                MEETING_SERVICE);
    }
}
