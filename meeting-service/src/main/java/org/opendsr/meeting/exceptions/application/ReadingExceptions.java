package org.opendsr.meeting.exceptions.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;
import org.opendsr.meeting.shared.application.Invitation;
import org.opendsr.meeting.shared.application.InvitationCalendar;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * Requests for Meetings by Exception as the person's care team, the DSR team and leads read them (404 for anyone else),
 * each read audited; the list, filtered in SQL to the people the caller may see; and the meeting's invitation, which
 * names nobody.
 */
@Singleton
public class ReadingExceptions {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final ExceptionRequests requests;
    private final Meetings meetings;
    private final MeetingAccess access;
    private final InvitationCalendar calendar;

    ReadingExceptions(ExceptionRequests requests, Meetings meetings, MeetingAccess access,
                      InvitationCalendar calendar) {
        this.requests = requests;
        this.meetings = meetings;
        this.access = access;
        this.calendar = calendar;
    }

    /** A request with its meeting once scheduled. */
    public record Seen(ExceptionRequest request, @Nullable Meeting meeting) {
    }

    /** A page of requests and the cursor of the next ({@code null} on the last). */
    public record Page(List<Seen> items, @Nullable String next) {
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
    public Page list(Set<ExceptionStatus> statuses, @Nullable Integer limit, @Nullable String after, Caller caller) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw RuleBroken.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        ExceptionRequests.After from = decode(after);
        PersonScope scope = access.scopeOf(caller);
        access.listRead(caller, "meetings by exception" + (statuses.isEmpty() ? "" : " " + statuses));
        List<ExceptionRequest> fetched = requests.list(statuses, scope, from, size + 1);
        List<ExceptionRequest> shown = fetched.size() > size ? fetched.subList(0, size) : fetched;
        String next = null;
        if (fetched.size() > size) {
            ExceptionRequest last = shown.get(size - 1);
            next = encode(last.snapshot().requestedAt(), last.id());
        }
        return new Page(shown.stream().map(this::seen).toList(), next);
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
        return calendar.render(new Invitation(meeting.id() + "@dsr.opendsr.org", "Meeting by Exception",
                "A Meeting by Exception about a person on the dynamic support register, chaired by a DSR lead; the "
                        + "person and their family are invited. Details are in the DSR, not in this invitation.",
                meeting.startsAt(), meeting.endsAt(),
                meeting.onlineLink() != null ? meeting.onlineLink() : seen.request().location(), meeting.sequence(),
                meeting.status() == MeetingStatus.CANCELLED));
    }

    private Seen seen(ExceptionRequest request) {
        Optional<Meeting> meeting = request.meetingId() == null ? Optional.empty() : meetings.find(request.meetingId());
        return new Seen(request, meeting.orElse(null));
    }

    static String encode(Instant at, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable ExceptionRequests.After decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new ExceptionRequests.After(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw RuleBroken.invalid("after", "is not a cursor a page gave");
        }
    }
}
