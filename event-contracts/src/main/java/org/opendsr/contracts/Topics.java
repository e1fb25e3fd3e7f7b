package org.opendsr.contracts;

/**
 * Kafka topics of the DSR. One topic per publishing service, keyed by personId so that every event about
 * one person stays in order; the agency topics are the only inbound ones and the only ones that may carry
 * personal identifiers (they feed referral-service, their only home).
 *
 * <p>Each agency system has its own inbound topic, {@code dsr.agency.inbound.<agency-id>}, which only that agency's
 * Kafka principal may write (a Strimzi {@code KafkaUser} per agency): the topic a record arrived on is the agency the
 * broker authenticated, so an agency cannot speak as another whatever {@code source} it writes (issue 11 finding 4).
 */
public final class Topics {

    public static final String REFERRAL_EVENTS = "dsr.referral.events";
    public static final String CONSENT_EVENTS = "dsr.consent.events";
    public static final String RISK_EVENTS = "dsr.risk.events";
    public static final String MEETING_EVENTS = "dsr.meeting.events";
    /** reporting-service publishes only its erasure confirmations: nothing about a person but the erased personId. */
    public static final String REPORTING_EVENTS = "dsr.reporting.events";
    /**
     * The agency inbound topics as the contracts and the AsyncAPI document name them (an AsyncAPI channel address
     * with a parameter): each agency writes to {@link #agencyInbound(String) its own}. The one shared
     * {@code dsr.agency.inbound} of before, which every agency could write as any agency, is gone.
     */
    public static final String AGENCY_INBOUND_CHANNEL = "dsr.agency.inbound.{agencyId}";

    private static final String AGENCY_INBOUND_PREFIX = "dsr.agency.inbound.";

    /** What an agency id may look like: a Kafka topic suffix, a KafkaUser name and a CloudEvents source segment. */
    public static final String AGENCY_ID = "[a-z0-9][a-z0-9-]{0,62}";

    /**
     * Every agency's inbound topic and nothing else: no dot in the agency id, so an agency's dead-letter topic
     * ({@code dsr.agency.inbound.<agency-id>.dlt}) is never read back as inbound, and never "dlt", so the old shared
     * topic's {@code dsr.agency.inbound.dlt}, should a cluster still have it, is not taken for an agency's. Kafka
     * matches the whole name (java.util.regex).
     */
    public static final String AGENCY_INBOUND_PATTERN = "dsr\\.agency\\.inbound\\.(?!dlt$)" + AGENCY_ID;
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

    /** The inbound topic that only this agency may write, e.g. {@code dsr.agency.inbound.wiltshire-council}. */
    public static String agencyInbound(String agencyId) {
        if (agencyId == null || !agencyId.matches(AGENCY_ID) || agencyId.equals("dlt")) {
            throw new IllegalArgumentException("an agency id is lower-case letters, digits and hyphens");
        }
        return AGENCY_INBOUND_PREFIX + agencyId;
    }

    /** The agency whose inbound topic this is, or empty if it is not an agency's inbound topic. */
    public static java.util.Optional<String> agencyOf(String topic) {
        if (topic == null || !topic.matches(AGENCY_INBOUND_PATTERN)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(topic.substring(AGENCY_INBOUND_PREFIX.length()));
    }
}
