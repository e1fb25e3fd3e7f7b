package org.opendsr.meeting.outcomes.application;

import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;

/**
 * What outcomes publish on {@code dsr.meeting.events} through the kit's outbox, in the caller's transaction, keyed by
 * the person: ids, codes, dates and counts only; the meeting's words stay in meeting-service.
 */
public interface OutcomeEvents {

    /** outcome-recorded, rating-agreed (when one was), action-due per action, recommendation-made per recommendation,
     * feedback-due. */
    void recorded(RecordedOutcome recorded);

    void actionDone(AgreedAction action);

    void actionOverdue(AgreedAction action);

    /** recommendation-met or recommendation-unmet, as it was marked. */
    void recommendationMarked(ServiceRecommendation recommendation);
}
