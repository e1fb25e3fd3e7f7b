package org.opendsr.meeting.outcomes.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.OutcomeAsked;
import org.opendsr.meeting.outcomes.domain.RecommendationCatalogue;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.application.RegisterPeople;
import org.opendsr.meeting.shared.application.RegisterPerson;
import org.opendsr.meeting.shared.domain.Meeting;

/**
 * Recording what a held meeting decided about a person, and that the referrer was given feedback on it. The DSR team
 * of the person's area or a lead. One transaction each: the outcome, its actions and recommendations, every event
 * (outcome-recorded first, so that risk-service completes the multi-agency review before the agreed rating opens the
 * next one) and the audit line.
 */
@Singleton
public class RecordingOutcomes {

    static final String WHAT = "meeting outcome";

    private final Meetings meetings;
    private final RegisterPeople register;
    private final MeetingOutcomes outcomes;
    private final OutcomeEvents events;
    private final RecommendationCatalogue catalogue;
    private final FeedbackCalendar feedback;
    private final MeetingAccess access;
    private final Clock clock;

    public RecordingOutcomes(Meetings meetings, RegisterPeople register, MeetingOutcomes outcomes,
                             OutcomeEvents events, RecommendationCatalogue catalogue, FeedbackCalendar feedback,
                             MeetingAccess access, Clock clock) {
        this.meetings = meetings;
        this.register = register;
        this.outcomes = outcomes;
        this.events = events;
        this.catalogue = catalogue;
        this.feedback = feedback;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public RecordedOutcome record(UUID meetingId, UUID personId, OutcomeAsked asked, Caller caller) {
        if (personId == null) {
            throw RuleBroken.invalid("personId", "is required");
        }
        access.requireDsrTeam(personId, caller, WHAT);
        // Locked: two outcomes about one person at one meeting are recorded in turn, the second refused.
        Meeting meeting = meetings.findForUpdate(meetingId).orElseThrow(() -> RuleBroken.notFound("Meeting"));
        outcomes.outcomeAbout(meetingId, personId).ifPresent(existing -> {
            throw RuleBroken.conflict("outcome-recorded", "An outcome was recorded", "personId",
                    "this meeting's outcome about the person is " + existing + " (one per person per meeting)");
        });
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        String personArea = register.find(personId).map(RegisterPerson::area).orElse(null);
        RecordedOutcome recorded = MeetingOutcome.record(meeting, personId, personArea, asked, catalogue, now, today,
                feedback.feedbackDueAfter(meeting.day()), caller.userId());
        outcomes.add(recorded);
        events.recorded(recorded);
        MeetingOutcome outcome = recorded.outcome();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcomeId", outcome.id().toString());
        after.put("meetingId", meetingId.toString());
        outcome.agreedRating().ifPresent(rating -> after.put("agreedRating", rating.rating().name()));
        after.put("decisions", outcome.decisions().size());
        after.put("actions", recorded.actions().size());
        after.put("recommendations", recorded.recommendations().size());
        after.put("feedbackDueOn", outcome.feedbackDueOn().toString());
        // Counts and codes only: the meeting's words are read through the outcome itself, whose reads are audited.
        access.audited(caller, personId, "RECORDED", WHAT, null, after);
        return recorded;
    }

    @Transactional
    public MeetingOutcome feedbackGiven(UUID outcomeId, Caller caller) {
        UUID personId = outcomes.find(outcomeId).map(found -> found.outcome().personId())
                .orElseThrow(RecordingOutcomes::notFound);
        requireDsrTeam(personId, caller, "referrer feedback");
        MeetingOutcome outcome = outcomes.findForUpdate(outcomeId).orElseThrow(RecordingOutcomes::notFound);
        outcome.feedbackGiven(clock.instant(), caller.userId());
        outcomes.save(outcome);
        access.audited(caller, personId, "CHANGED", "referrer feedback", Map.of("outcomeId", outcomeId.toString(),
                "feedbackGiven", false), Map.of("outcomeId", outcomeId.toString(), "feedbackGiven", true));
        return outcome;
    }

    /** The DSR team's access to the person, where an unknown person reads as an unknown outcome. */
    private void requireDsrTeam(UUID personId, Caller caller, String what) {
        try {
            access.requireDsrTeam(personId, caller, what);
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? notFound() : refused;
        }
    }

    private static RuleBroken notFound() {
        return RuleBroken.notFound("Outcome");
    }
}
