package org.opendsr.local;

import java.util.List;
import java.util.Map;

/**
 * One process of the local run: a service or the gateway, started from its packaged jar.
 *
 * @param name             the module and application name, e.g. referral-service
 * @param database         its own database, or null (the gateway has none)
 * @param systemProperties settings for a local run that differ from the defaults
 */
record LocalComponent(String name, String database, Map<String, String> systemProperties) {

    static final String GATEWAY = "gateway";

    /** reporting-service's HMAC key in a local run: published here, so never a real one. */
    static final String LOCAL_PSEUDONYMISATION_KEY = "ZHNyLWxvY2FsLW9ubHktcHNldWRvbnltaXNhdGlvbi1rZXkh";

    /** Every service, then the gateway (started last: it fronts the others). */
    static List<LocalComponent> all() {
        return List.of(
                // The notifier writes to the local mailbox (GET /api/local-mailbox as the DSR team), never to Notify.
                new LocalComponent("referral-service", "referral",
                        Map.of("dsr.referral.accept-test-nhs-numbers", "true",
                                "dsr.notifications.sender", "local-mailbox")),
                new LocalComponent("consent-service", "consent", Map.of()),
                new LocalComponent("risk-service", "risk", Map.of()),
                new LocalComponent("meeting-service", "meeting", Map.of()),
                // A fixed local pseudonymisation key (base64 of "dsr-local-only-pseudonymisation-key!"): local data only.
                new LocalComponent("reporting-service", "reporting",
                        Map.of("dsr.reporting.pseudonymisation.key", LOCAL_PSEUDONYMISATION_KEY)),
                new LocalComponent(GATEWAY, null, Map.of("dsr.gateway.demo-issuer.enabled", "true")));
    }

    boolean isGateway() {
        return GATEWAY.equals(name);
    }
}
