package org.opendsr.kit;

import java.util.HashMap;
import java.util.Map;

import org.opendsr.testkit.DsrTestEnvironment;

/** Properties for the kit's test application, for the kit's tests in every package. */
public final class KitTestContext {

    private KitTestContext() {
    }

    public static Map<String, String> properties(boolean relayEnabled) {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("kit"));
        properties.put("dsr.outbox.relay-enabled", Boolean.toString(relayEnabled));
        properties.put("dsr.outbox.poll-interval", "200ms");
        return properties;
    }
}
