package org.opendsr.meeting.shared.adapters.messaging;

import java.time.LocalDate;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.meeting.ExceptionInvitationRequested;
import org.opendsr.contracts.meeting.MeetingCancelled;
import org.opendsr.contracts.meeting.MeetingHeld;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.contracts.meeting.MeetingScheduled;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.meeting.shared.application.MeetingEvents;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingChange;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * Meeting events on {@code dsr.meeting.events} through the outbox, in the caller's transaction: keyed by the person
 * for a Meeting by Exception (so that everything about one person stays in order), by the meeting otherwise. A
 * Meeting by Exception's scheduling (or rescheduling) is also a request to invite the person and their family,
 * which the notifier resolves in referral-service.
 */
@Singleton
class MeetingEventPublisher implements MeetingEvents {

    static final String AGGREGATE_TYPE = "meeting";

    private final EventOutbox outbox;

    MeetingEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(MeetingChange change) {
        Meeting meeting = change.meeting();
        if (change instanceof MeetingChange.Scheduled) {
            append(meeting, EventTypes.MEETING_SCHEDULED_V1, new MeetingScheduled(meeting.id(), meeting.kind(),
                    meeting.area(), meeting.seriesId(), meeting.personId(), meeting.startsAt(), meeting.endsAt(),
                    meeting.sequence()));
            if (meeting.kind() == MeetingKind.EXCEPTION) {
                append(meeting, EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1,
                        new ExceptionInvitationRequested(meeting.id(), meeting.personId(), meeting.startsAt(),
                                meeting.endsAt(), meeting.sequence()));
            }
        } else if (change instanceof MeetingChange.Held) {
            append(meeting, EventTypes.MEETING_HELD_V1, new MeetingHeld(meeting.id(), meeting.kind(), meeting.area(),
                    meeting.personId(), LocalDate.ofInstant(meeting.heldAt(), WorkingHours.ENGLAND),
                    meeting.heldAt()));
        } else if (change instanceof MeetingChange.Cancelled cancelled) {
            append(meeting, EventTypes.MEETING_CANCELLED_V1, new MeetingCancelled(meeting.id(), meeting.kind(),
                    meeting.area(), meeting.personId(), meeting.cancellationReason(), cancelled.at(),
                    meeting.sequence()));
        }
    }

    private void append(Meeting meeting, String type, Object event) {
        outbox.append(AGGREGATE_TYPE, meeting.personId() != null ? meeting.personId() : meeting.id(), type, event);
    }
}
