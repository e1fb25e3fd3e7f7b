package org.opendsr.meeting.exceptions.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.meeting.exceptions.domain.DeclineReason;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.application.RegisterFollower;
import org.opendsr.meeting.shared.application.ReviewObligation;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * A person who left the register is no longer met by exception: a request still waiting is declined
 * (PERSON_LEFT_REGISTER), and a scheduled meeting not yet over is cancelled with that reason through
 * {@link MeetingChanges} (meeting-cancelled, so the family's invitation is withdrawn). One already over is left for
 * the lead to record as held. In the event's transaction; a closed obligation changes nothing here.
 *
 * <p>Access decision: referral-service decided (over its own topic); the change is audited as its.
 */
@Singleton
class EndingWithTheRegister implements RegisterFollower {

    private static final String REFERRAL_SERVICE = "referral-service";

    private final ExceptionRequests requests;
    private final Meetings meetings;
    private final MeetingChanges changes;
    private final MeetingAccess access;
    private final Clock clock;

    EndingWithTheRegister(ExceptionRequests requests, Meetings meetings, MeetingChanges changes, MeetingAccess access,
                          Clock clock) {
        this.requests = requests;
        this.meetings = meetings;
        this.changes = changes;
        this.access = access;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personLeftRegister(UUID personId, Instant at) {
        Instant now = clock.instant();
        for (ExceptionRequest request : requests.openOfPersonForUpdate(personId)) {
            var before = RequestingExceptions.stateOf(request);
            if (request.status() == ExceptionStatus.REQUESTED) {
                request.decline(DeclineReason.PERSON_LEFT_REGISTER, REFERRAL_SERVICE, now);
                requests.save(request);
                access.auditedBySystem(REFERRAL_SERVICE, personId, "CHANGED", RequestingExceptions.WHAT, before,
                        RequestingExceptions.stateOf(request));
                continue;
            }
            meetings.findForUpdate(request.meetingId())
                    .filter(meeting -> meeting.status() == MeetingStatus.SCHEDULED)
                    .filter(meeting -> meeting.endsAt().isAfter(now))
                    .ifPresent(meeting -> {
                        changes.record(meeting.cancel(CancellationReason.PERSON_LEFT_REGISTER, now));
                        access.auditedBySystem(REFERRAL_SERVICE, personId, "CHANGED", RequestingExceptions.WHAT,
                                before, Map.of("requestId", request.id().toString(), "meetingId",
                                        meeting.id().toString(), "meetingStatus", meeting.status().name(),
                                        "cancellationReason", CancellationReason.PERSON_LEFT_REGISTER.name()));
                    });
        }
    }

    @Override
    public void obligationClosed(UUID obligationId, UUID personId, ReviewObligation.Status status) {
        // A Meeting by Exception is not held against an obligation.
    }
}
