package org.opendsr.risk.support;

import java.util.HashMap;
import java.util.Map;

import org.opendsr.testkit.DsrTestEnvironment;

/** Properties for a risk-service test context: its own database, the shared broker, the test token issuer. */
public final class RiskTestContext {

    private RiskTestContext() {
    }

    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("risk"));
        // Tests sweep due dates themselves (POST /ratings/sweeps); a scheduled sweep mid-test would race them.
        properties.put("dsr.risk.sweep.schedule-enabled", "false");
        properties.put("dsr.outbox.poll-interval", "200ms");
        // Tests move the clock by months; published outbox rows stay for assertions instead of being purged.
        properties.put("dsr.outbox.retention", "36500d");
        return properties;
    }
}
