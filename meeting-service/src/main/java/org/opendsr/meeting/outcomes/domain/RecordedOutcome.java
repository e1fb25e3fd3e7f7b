package org.opendsr.meeting.outcomes.domain;

import java.util.List;

/** An outcome as recorded, with the actions and recommendations it made: saved and published together. */
public record RecordedOutcome(MeetingOutcome outcome, List<AgreedAction> actions,
                              List<ServiceRecommendation> recommendations) {
}
