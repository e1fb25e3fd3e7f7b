package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.ExceptionInvitationRequested;
import org.opendsr.contracts.meeting.MeetingCancelled;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.NotificationPolicy;
import org.opendsr.referral.shared.application.Now;

/**
 * meeting-service's requests to tell the person's side about meetings, queued as any message is
 * ({@link QueueingNotifications}): an invitation to a Meeting by Exception, and an update after a meeting discussed
 * them. The facts are the meeting's times, day and numbers: never what was said.
 */
@Singleton
public class QueueingMeetingNotifications {

    private final QueueingNotifications queueing;
    private final NotificationQueue queue;
    private final Clock clock;

    public QueueingMeetingNotifications(QueueingNotifications queueing, NotificationQueue queue, Clock clock) {
        this.queueing = queueing;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * An invitation, or a new one for a meeting that moved (a higher sequence: "the time has changed"). A stale one (a
     * sequence at or below one already queued) or one for a meeting already over queues nothing.
     */
    @Transactional
    public void exceptionInvitationRequested(String eventId, ExceptionInvitationRequested invitation) {
        OptionalInt before = queue.invitationSequenceQueued(invitation.personId(), invitation.meetingId());
        if (before.isPresent() && before.getAsInt() >= invitation.sequence()) {
            return;
        }
        if (!invitation.endsAt().isAfter(clock.instant())) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("meetingId", invitation.meetingId().toString());
        facts.put("startsAt", invitation.startsAt().toString());
        facts.put("endsAt", invitation.endsAt().toString());
        facts.put("sequence", Integer.toString(invitation.sequence()));
        // meeting-service raises the sequence on every change from 0: a later one is a meeting that moved.
        facts.put("timeChanged", before.isPresent() || invitation.sequence() > 0 ? "yes" : "no");
        // An earlier time not sent yet is never sent: only the latest goes.
        queue.withholdPendingInvitations(invitation.personId(), invitation.meetingId(),
                NotificationPolicy.SUPERSEDED_BY_A_LATER_INVITATION, Now.of(clock));
        queueing.queueFor(eventId, MessageKind.MEETING_BY_EXCEPTION_INVITATION, invitation.personId(), facts);
    }

    /**
     * A Meeting by Exception was cancelled: an invitation not sent yet is withheld; if one was sent, the person's side
     * is told it will not take place (the day and time they were given). Never invited (or only a tracking meeting,
     * which has no person): nothing to say.
     */
    @Transactional
    public void meetingCancelled(String eventId, MeetingCancelled cancelled) {
        if (cancelled.kind() != MeetingKind.EXCEPTION || cancelled.personId() == null) {
            return;
        }
        queue.withholdPendingInvitations(cancelled.personId(), cancelled.meetingId(),
                NotificationPolicy.MEETING_CANCELLED, Now.of(clock));
        Optional<Map<String, String>> invited = queue.lastInvitationSent(cancelled.personId(), cancelled.meetingId());
        if (invited.isEmpty() || !Instant.parse(invited.get().get("endsAt")).isAfter(clock.instant())) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("meetingId", cancelled.meetingId().toString());
        facts.put("startsAt", invited.get().get("startsAt"));
        facts.put("endsAt", invited.get().get("endsAt"));
        facts.put("sequence", Integer.toString(cancelled.sequence()));
        queueing.queueFor(eventId, MessageKind.MEETING_BY_EXCEPTION_CANCELLED, cancelled.personId(), facts);
    }

    /** A meeting discussed the person: when, what kind, how many actions and services. Nothing of what was said. */
    @Transactional
    public void outcomeRecorded(String eventId, OutcomeRecorded outcome) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("meetingId", outcome.meetingId().toString());
        facts.put("meetingKind", outcome.meetingKind().name());
        facts.put("heldOn", outcome.heldOn().toString());
        facts.put("actionsAgreed", Integer.toString(outcome.actionsAgreed()));
        facts.put("servicesRecommended", Integer.toString(outcome.servicesRecommended()));
        queueing.queueFor(eventId, MessageKind.MEETING_OUTCOME_UPDATE, outcome.personId(), facts);
    }
}
