package org.opendsr.reporting.store.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;

/**
 * The store's four consumer groups, one per topic, and the event types each applies ({@link StoreProjection}). The
 * listeners and the rebuild share this: the rebuild records each event it applies as processed under the group of
 * its topic, so that the live listener skips it afterwards.
 */
public final class StoreConsumers {

    public static final String REFERRAL_EVENTS = "reporting-service.referral-events";
    public static final String CONSENT_EVENTS = "reporting-service.consent-events";
    public static final String RISK_EVENTS = "reporting-service.risk-events";
    public static final String MEETING_EVENTS = "reporting-service.meeting-events";

    /** Topic to consumer group. */
    public static final Map<String, String> GROUP_OF_TOPIC = Map.of(
            Topics.REFERRAL_EVENTS, REFERRAL_EVENTS,
            Topics.CONSENT_EVENTS, CONSENT_EVENTS,
            Topics.RISK_EVENTS, RISK_EVENTS,
            Topics.MEETING_EVENTS, MEETING_EVENTS);

    /** The topics, in a fixed order. */
    public static final List<String> TOPICS = List.of(Topics.REFERRAL_EVENTS, Topics.CONSENT_EVENTS, Topics.RISK_EVENTS,
            Topics.MEETING_EVENTS);

    /** The event types applied from each topic; every other type is skipped. */
    public static final Map<String, Set<String>> TYPES_OF_TOPIC = Map.of(
            Topics.REFERRAL_EVENTS, Set.of(
                    EventTypes.REFERRAL_RECEIVED_V1, EventTypes.REFERRAL_ACCEPTED_V1, EventTypes.REFERRAL_DECLINED_V1,
                    EventTypes.REFERRAL_WITHDRAWN_V1, EventTypes.REFERRAL_CONTACTED_V1,
                    EventTypes.REGISTER_PERSON_REMOVED_V1, EventTypes.PERSON_MOVED_V1, EventTypes.PERSON_TURNED_18_V1,
                    EventTypes.PERSON_ADMISSION_REPORTED_V1, EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1,
                    EventTypes.PERSON_DISCHARGE_REPORTED_V1,
                    EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1,
                    // Issue 16: whom facts belong to (PersonChange), applied in the projection like every other event.
                    EventTypes.PERSON_MERGED_V1, EventTypes.PERSON_ERASED_V1),
            Topics.CONSENT_EVENTS, Set.of(
                    EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_OVERDUE_V1, EventTypes.CONSENT_LAPSED_V1,
                    EventTypes.CONSENT_WITHDRAWN_V1),
            Topics.RISK_EVENTS, Set.of(
                    EventTypes.RISK_RATING_CHANGED_V1, EventTypes.RISK_UPDATE_POSTED_V1,
                    EventTypes.RISK_OBLIGATION_DUE_V1, EventTypes.RISK_OBLIGATION_COMPLETED_V1),
            Topics.MEETING_EVENTS, Set.of(
                    EventTypes.MEETING_RECOMMENDATION_MADE_V1, EventTypes.MEETING_RECOMMENDATION_MET_V1,
                    EventTypes.MEETING_RECOMMENDATION_UNMET_V1));

    private StoreConsumers() {
    }
}
