package org.opendsr.contracts;

/** CloudEvents {@code source} of each publishing service. */
public final class EventSources {

    public static final String REFERRAL_SERVICE = "/dsr/referral-service";
    public static final String CONSENT_SERVICE = "/dsr/consent-service";
    public static final String RISK_SERVICE = "/dsr/risk-service";
    public static final String MEETING_SERVICE = "/dsr/meeting-service";

    private EventSources() {
    }
}
