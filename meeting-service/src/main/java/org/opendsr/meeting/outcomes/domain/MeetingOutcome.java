package org.opendsr.meeting.outcomes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * What a meeting decided about one person (DOMAIN.md "Meetings": discussion summary, decisions, agreed rating,
 * actions, recommended services; feedback to the referrer after the meeting). One per person per meeting, recorded
 * once the meeting has been held. The summary, decisions and rationale are the meeting's words: they stay in
 * meeting-service, for the people who may read the outcome, never on a topic or in a log line.
 *
 * <p>No amendment: an outcome is the record of what a meeting decided, and risk-service, the referrer's feedback and
 * reporting act on it as soon as it is recorded; what changes afterwards is decided at the next meeting. Actions are
 * done and recommendations marked met or unmet on their own.
 */
public final class MeetingOutcome {

    public static final int DECISIONS_MAX = 30;
    public static final int ACTIONS_MAX = 30;
    public static final int RECOMMENDATIONS_MAX = 30;

    /** As stored. */
    public record Snapshot(UUID id, UUID meetingId, MeetingKind meetingKind, UUID personId, String area,
                           LocalDate meetingDay, String summary, List<String> decisions, AgreedRating agreedRating,
                           Instant recordedAt, String recordedBy, LocalDate feedbackDueOn, Instant feedbackGivenAt,
                           String feedbackGivenBy) {

        public Snapshot {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }
    }

    private final Snapshot recorded;
    private Instant feedbackGivenAt;
    private String feedbackGivenBy;

    private MeetingOutcome(Snapshot s) {
        Objects.requireNonNull(s.id(), "id");
        Objects.requireNonNull(s.meetingId(), "meetingId");
        Objects.requireNonNull(s.personId(), "personId");
        Objects.requireNonNull(s.feedbackDueOn(), "feedbackDueOn");
        this.recorded = s;
        this.feedbackGivenAt = s.feedbackGivenAt();
        this.feedbackGivenBy = s.feedbackGivenBy();
    }

    public static MeetingOutcome restore(Snapshot snapshot) {
        return new MeetingOutcome(snapshot);
    }

    /**
     * Records what a held meeting decided about a person.
     *
     * @param personArea    the area the person is known in (meeting-service's register projection), null if unknown
     * @param feedbackDueOn the day the referrer's feedback is due (working days after the meeting's day)
     */
    public static RecordedOutcome record(Meeting meeting, UUID personId, String personArea, OutcomeAsked asked,
                                         RecommendationCatalogue catalogue, Instant now, LocalDate today,
                                         LocalDate feedbackDueOn, String recordedBy) {
        if (personId == null) {
            throw RuleBroken.invalid("personId", "is required");
        }
        requireHeld(meeting);
        requireAbout(meeting, personId, personArea);
        String summary = OutcomeTexts.required("summary", asked.summary(), OutcomeTexts.SUMMARY_MAX);
        List<String> decisions = decisionsOf(asked.decisions());
        AgreedRating rating = AgreedRating.of(asked.agreedRating(), asked.ratingRationale(),
                asked.discussedWithPersonAndFamily());
        limit("actions", asked.actions(), ACTIONS_MAX);
        limit("recommendations", asked.recommendations(), RECOMMENDATIONS_MAX);

        UUID outcomeId = UUID.randomUUID();
        String area = meeting.area();
        List<AgreedAction> actions = new ArrayList<>();
        for (int i = 0; i < asked.actions().size(); i++) {
            actions.add(AgreedAction.agreed("actions[" + i + "]", asked.actions().get(i), outcomeId, meeting.id(),
                    personId, area, today));
        }
        List<ServiceRecommendation> recommendations = new ArrayList<>();
        for (int i = 0; i < asked.recommendations().size(); i++) {
            recommendations.add(ServiceRecommendation.made("recommendations[" + i + "]",
                    asked.recommendations().get(i), catalogue, outcomeId, meeting.id(), personId, area, today));
        }
        MeetingOutcome outcome = new MeetingOutcome(new Snapshot(outcomeId, meeting.id(), meeting.kind(), personId,
                area, meeting.day(), summary, decisions, rating, now, recordedBy, feedbackDueOn, null, null));
        return new RecordedOutcome(outcome, List.copyOf(actions), List.copyOf(recommendations));
    }

    /** The referrer was given feedback, by the caller, now. Once: a second time is a conflict. */
    public void feedbackGiven(Instant at, String by) {
        if (feedbackGivenAt != null) {
            throw RuleBroken.conflict("feedback-given", "Feedback was given",
                    "feedback on this outcome was recorded as given at " + feedbackGivenAt);
        }
        feedbackGivenAt = at;
        feedbackGivenBy = by;
    }

    /** Whether the referrer's feedback is still owed and its day has passed. */
    public boolean feedbackLateOn(LocalDate today) {
        return feedbackGivenAt == null && recorded.feedbackDueOn().isBefore(today);
    }

    private static void requireHeld(Meeting meeting) {
        if (meeting.status() != MeetingStatus.HELD) {
            throw RuleBroken.conflict("meeting-not-held", "The meeting has not been held",
                    "outcomes are recorded for a meeting once it has been held (it is "
                            + meeting.status().name().toLowerCase() + ")");
        }
    }

    /**
     * A Meeting by Exception is about its one person. A tracking meeting discusses the people of its area: the person
     * must be known to meeting-service (referred, on the register or recently left) in the meeting's area. Not "on the
     * frozen agenda": the agenda is a prompt, and a meeting may discuss someone raised on the day (an urgent
     * concern), which the DSR policy expects it to; the area check keeps an outcome within the meeting's team.
     */
    private static void requireAbout(Meeting meeting, UUID personId, String personArea) {
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            if (!meeting.isAbout(personId)) {
                throw RuleBroken.conflict("not-the-meetings-person", "Not the person of this meeting", "personId",
                        "a Meeting by Exception records an outcome only about the person it was held for");
            }
            return;
        }
        if (personArea == null) {
            throw RuleBroken.conflict("unknown-person", "No such person", "personId",
                    "no person with this personId is known to meeting-service");
        }
        if (!personArea.equals(meeting.area())) {
            throw RuleBroken.conflict("person-not-in-meeting-area", "The person is in another area", "personId",
                    "a tracking meeting records outcomes about people of its own area (" + meeting.area() + ")");
        }
    }

    private static List<String> decisionsOf(List<String> asked) {
        limit("decisions", asked, DECISIONS_MAX);
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            decisions.add(OutcomeTexts.required("decisions[" + i + "]", asked.get(i), OutcomeTexts.DECISION_MAX));
        }
        return decisions;
    }

    private static void limit(String field, List<?> items, int max) {
        if (items.size() > max) {
            throw RuleBroken.invalid(field, "must have at most " + max + " entries");
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(recorded.id(), recorded.meetingId(), recorded.meetingKind(), recorded.personId(),
                recorded.area(), recorded.meetingDay(), recorded.summary(), recorded.decisions(),
                recorded.agreedRating(), recorded.recordedAt(), recorded.recordedBy(), recorded.feedbackDueOn(),
                feedbackGivenAt, feedbackGivenBy);
    }

    public UUID id() {
        return recorded.id();
    }

    public UUID meetingId() {
        return recorded.meetingId();
    }

    public MeetingKind meetingKind() {
        return recorded.meetingKind();
    }

    public UUID personId() {
        return recorded.personId();
    }

    public String area() {
        return recorded.area();
    }

    public LocalDate meetingDay() {
        return recorded.meetingDay();
    }

    public String summary() {
        return recorded.summary();
    }

    public List<String> decisions() {
        return recorded.decisions();
    }

    public Optional<AgreedRating> agreedRating() {
        return Optional.ofNullable(recorded.agreedRating());
    }

    public Instant recordedAt() {
        return recorded.recordedAt();
    }

    public String recordedBy() {
        return recorded.recordedBy();
    }

    public LocalDate feedbackDueOn() {
        return recorded.feedbackDueOn();
    }

    public Optional<Instant> feedbackGivenAt() {
        return Optional.ofNullable(feedbackGivenAt);
    }

    public Optional<String> feedbackGivenBy() {
        return Optional.ofNullable(feedbackGivenBy);
    }
}
