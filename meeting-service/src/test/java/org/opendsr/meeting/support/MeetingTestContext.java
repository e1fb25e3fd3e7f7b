package org.opendsr.meeting.support;

import java.util.HashMap;
import java.util.Map;

import org.opendsr.testkit.DsrTestEnvironment;

/** Properties for a meeting-service test context: its own database, the shared broker, the test token issuer. */
public final class MeetingTestContext {

    private MeetingTestContext() {
    }

    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("meeting"));
        // Tests sweep themselves (POST /meetings/sweeps); a scheduled sweep mid-test would race them.
        properties.put("dsr.meeting.sweep.schedule-enabled", "false");
        properties.put("dsr.outbox.poll-interval", "200ms");
        // Tests move the clock by weeks; published outbox rows stay for assertions instead of being purged.
        properties.put("dsr.outbox.retention", "36500d");
        return properties;
    }
}
