package org.opendsr.consent.support;

import java.util.HashMap;
import java.util.Map;

import org.opendsr.testkit.DsrTestEnvironment;

/** Properties for a consent-service test context: its own database, the shared broker, the test token issuer. */
public final class ConsentTestContext {

    private ConsentTestContext() {
    }

    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("consent"));
        // Tests run the lifecycle themselves; a nightly run in the middle of a test would move their consents.
        properties.put("dsr.consent.lifecycle.schedule-enabled", "false");
        properties.put("dsr.outbox.poll-interval", "200ms");
        // Tests move the clock by years; published outbox rows stay for assertions instead of being purged.
        properties.put("dsr.outbox.retention", "36500d");
        return properties;
    }
}
