package org.opendsr.contracts;

/**
 * Kafka topics of the DSR. One topic per publishing service, keyed by personId so that every event about
 * one person stays in order; the agency topic is the only inbound one and the only one that may carry
 * personal identifiers (it feeds referral-service, their only home).
 */
public final class Topics {

    public static final String REFERRAL_EVENTS = "dsr.referral.events";
    public static final String CONSENT_EVENTS = "dsr.consent.events";
    public static final String RISK_EVENTS = "dsr.risk.events";
    public static final String MEETING_EVENTS = "dsr.meeting.events";
    public static final String AGENCY_INBOUND = "dsr.agency.inbound";
    /**
     * The gateway's access records (one per API call), keyed by personId or, without one, by subject; read by
     * referral-service into its audit store. Subjects, roles, paths with ids only: no personal identifiers.
     */
    public static final String GATEWAY_ACCESS = "dsr.gateway.access";

    /** Suffix of the dead-letter topic that receives records a consumer of a topic can never process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
