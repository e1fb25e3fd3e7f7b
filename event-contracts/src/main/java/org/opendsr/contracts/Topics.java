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

    /** Suffix of the dead-letter topic that receives records a consumer of a topic can never process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
