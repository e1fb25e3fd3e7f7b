package org.opendsr.meeting.exceptions.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.PageCursor;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;
import org.opendsr.meeting.shared.application.ExceptionInvitations;
import org.opendsr.meeting.shared.application.InvitationCalendar;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;

/**
 * Requests for Meetings by Exception as the person's care team, the DSR team and leads read them (404 for anyone else),
 * each read audited; the list, filtered in SQL to the people the caller may see; and the meeting's invitation, which
 * names nobody.
 */
@Singleton
public class ReadingExceptions {

    private final ExceptionRequests requests;
    private final Meetings meetings;
    private final MeetingAccess access;
    private final InvitationCalendar calendar;
    private final ExceptionInvitations invitations;

    ReadingExceptions(ExceptionRequests requests, Meetings meetings, MeetingAccess access,
                      InvitationCalendar calendar, ExceptionInvitations invitations) {
        this.requests = requests;
        this.meetings = meetings;
        this.access = access;
        this.calendar = calendar;
        this.invitations = invitations;
    }

    /** A request with its meeting once scheduled. */
    public record Seen(ExceptionRequest request, @Nullable Meeting meeting) {
    }

    @Transactional(readOnly = true)
    public Seen request(UUID requestId, Caller caller) {
        ExceptionRequest request = requests.find(requestId).orElseThrow(RequestingExceptions::unknownRequest);
        try {
            access.read(request.personId(), caller, RequestingExceptions.WHAT);
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? RequestingExceptions.unknownRequest() : refused;
        }
        return seen(request);
    }

    @Transactional(readOnly = true)
    public WorklistPage<Seen> list(Set<ExceptionStatus> statuses, @Nullable Integer limit, @Nullable String after,
                                   Caller caller) {
        int size = WorklistPage.limit(limit);
        ExceptionRequests.After from = PageCursor.decode(after,
                (requestedAt, id) -> new ExceptionRequests.After(Instant.parse(requestedAt), id));
        PersonScope scope = access.scopeOf(caller);
        access.listRead(caller, "meetings by exception" + (statuses.isEmpty() ? "" : " " + statuses));
        List<ExceptionRequest> fetched = requests.list(statuses, scope, from, size + 1);
        List<ExceptionRequest> shown = fetched.size() > size ? fetched.subList(0, size) : fetched;
        String next = null;
        if (fetched.size() > size) {
            ExceptionRequest last = shown.get(size - 1);
            next = PageCursor.encode(last.snapshot().requestedAt(), last.id());
        }
        return new WorklistPage<>(shown.stream().map(this::seen).toList(), next);
    }

    /** The meeting's invitation (its cancellation once cancelled); 409 while only requested or declined. */
    @Transactional(readOnly = true)
    public String invitation(UUID requestId, Caller caller) {
        Seen seen = request(requestId, caller);
        Meeting meeting = seen.meeting();
        if (meeting == null) {
            throw RuleBroken.conflict("exception-not-scheduled", "Not scheduled",
                    "the Meeting by Exception is " + seen.request().status() + ": there is no invitation yet");
        }
        return calendar.render(invitations.of(meeting));
    }

    private Seen seen(ExceptionRequest request) {
        Optional<Meeting> meeting = request.meetingId() == null ? Optional.empty() : meetings.find(request.meetingId());
        return new Seen(request, meeting.orElse(null));
    }
}
