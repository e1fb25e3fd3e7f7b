package org.opendsr.meeting.outcomes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.meeting.shared.domain.Meeting;

/** Meetings, outcomes and their parts as the tests need them (an object mother). */
final class Outcomes {

    static final String AREA = "SWINDON";
    /** A Thursday. */
    static final LocalDate MEETING_DAY = LocalDate.of(2026, 12, 3);
    static final Instant STARTS_AT = Instant.parse("2026-12-03T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final LocalDate FEEDBACK_DUE = LocalDate.of(2026, 12, 7);

    static final RecommendationCatalogue CATALOGUE = new RecommendationCatalogue(catalogue());

    private Outcomes() {
    }

    private static Map<String, String> catalogue() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("INTENSIVE_SUPPORT_TEAM", "Intensive support team");
        labels.put("SHORT_BREAKS", "Short breaks");
        labels.put("KEYWORKER", "Keyworker");
        return labels;
    }

    static Meeting scheduledTracking() {
        return Meeting.tracking(UUID.randomUUID(), AREA, UUID.randomUUID(), STARTS_AT,
                STARTS_AT.plusSeconds(3600), "https://meet.example/dsr").meeting();
    }

    static Meeting heldTracking() {
        Meeting meeting = scheduledTracking();
        meeting.hold(STARTS_AT.plusSeconds(3600));
        return meeting;
    }

    static Meeting heldException(UUID personId) {
        Meeting meeting = Meeting.exception(UUID.randomUUID(), AREA, personId, STARTS_AT, STARTS_AT.plusSeconds(3600),
                null, "dsr-lead-1").meeting();
        meeting.hold(STARTS_AT.plusSeconds(3600));
        return meeting;
    }

    static ActionAsked action(LocalDate dueOn) {
        return new ActionAsked("Arrange a positive behaviour support review", "swindon-community-ld-team",
                "professional-1", dueOn);
    }

    static OutcomeAsked discussed() {
        return new OutcomeAsked("Discussed the placement and the family's concerns.", List.of("Keep on the register"),
                null, null, null, List.of(), List.of());
    }

    static OutcomeAsked agreeing(RagRating rating) {
        return new OutcomeAsked("Discussed the placement.", List.of(), rating, "Placement stable for a month", true,
                List.of(action(MEETING_DAY.plusDays(14))),
                List.of(new RecommendationAsked("SHORT_BREAKS", "Weekend respite")));
    }

    static RecordedOutcome record(Meeting meeting, UUID personId, OutcomeAsked asked) {
        return MeetingOutcome.record(meeting, personId, AREA, asked, CATALOGUE, NOW, MEETING_DAY, FEEDBACK_DUE,
                "dsr-team-1");
    }
}
