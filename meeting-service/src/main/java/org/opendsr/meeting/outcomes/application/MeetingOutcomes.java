package org.opendsr.meeting.outcomes.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;
import org.opendsr.kit.paging.WorklistPage;

/** Outcomes, their actions and recommendations, in PostgreSQL. Nothing is deleted: an outcome is the meeting's record. */
public interface MeetingOutcomes {

    /** Stores a new outcome with its actions and recommendations. */
    void add(RecordedOutcome recorded);

    /** The outcome already recorded about the person at this meeting, if any. */
    Optional<UUID> outcomeAbout(UUID meetingId, UUID personId);

    Optional<RecordedOutcome> find(UUID outcomeId);

    Optional<MeetingOutcome> findForUpdate(UUID outcomeId);

    /** Stores what changed on an outcome (feedback given). */
    void save(MeetingOutcome outcome);

    /**
     * The meeting's outcomes about the people in scope, in the order they were recorded; every one of them for a
     * null scope (the DSR team of the meeting's area, leads).
     */
    List<RecordedOutcome> ofMeeting(UUID meetingId, @Nullable PersonScope scope);

    /** Every outcome about the person, latest meeting first. */
    List<RecordedOutcome> ofPerson(UUID personId);

    Optional<AgreedAction> findAction(UUID actionId);

    Optional<AgreedAction> findActionForUpdate(UUID actionId);

    void saveAction(AgreedAction action);

    Optional<ServiceRecommendation> findRecommendation(UUID recommendationId);

    Optional<ServiceRecommendation> findRecommendationForUpdate(UUID recommendationId);

    void saveRecommendation(ServiceRecommendation recommendation);

    /**
     * Actions not done, due before {@code today} and not yet announced overdue, locked (another replica sweeping at
     * the same time skips them), at most {@code limit}.
     */
    List<AgreedAction> pastDueUnannouncedForUpdate(LocalDate today, int limit);

    /** Actions not done and due before {@code today}, of people in scope, soonest due first, keyset paged. */
    List<AgreedAction> overdueActions(@Nullable String area, @Nullable String owner, LocalDate today,
                                      PersonScope scope, @Nullable WorklistPage.After after, int limit);

    /** Outcomes whose referrer's feedback is not yet given, of people in scope, soonest due first, keyset paged. */
    List<MeetingOutcome> feedbackDue(@Nullable String area, PersonScope scope, @Nullable WorklistPage.After after,
                                     int limit);

    /** Recommendations marked unmet, of people in scope, in the order they were marked (day, id), keyset paged. */
    List<ServiceRecommendation> unmetRecommendations(@Nullable String area, @Nullable String serviceType,
                                                     PersonScope scope, @Nullable WorklistPage.After after,
                                                     int limit);

    /** Actions about people in the area, not done, due before {@code asOf}: the agenda's "overdue actions". */
    List<AgreedAction> overdueInArea(String area, LocalDate asOf);
}
