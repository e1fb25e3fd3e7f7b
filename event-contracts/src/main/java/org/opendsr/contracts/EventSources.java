package org.opendsr.contracts;

/** CloudEvents {@code source} of each publishing service. */
public final class EventSources {

    public static final String REFERRAL_SERVICE = "/dsr/referral-service";
    public static final String CONSENT_SERVICE = "/dsr/consent-service";
    public static final String RISK_SERVICE = "/dsr/risk-service";
    public static final String MEETING_SERVICE = "/dsr/meeting-service";
    public static final String REPORTING_SERVICE = "/dsr/reporting-service";
    /** The gateway publishes its access records (it has no outbox: it keeps no data). */
    public static final String GATEWAY = "/dsr/gateway";
    /** Agency systems publish as {@code /agency/<system>}, e.g. {@code /agency/wiltshire-council}. */
    public static final String AGENCY_SYSTEMS = "/agency";

    private EventSources() {
    }
}
