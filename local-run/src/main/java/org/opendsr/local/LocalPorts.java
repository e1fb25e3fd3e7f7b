package org.opendsr.local;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opendsr.embedded.FreePorts;

/** The ports of a local run: fixed and documented for people, free ones for tests. */
record LocalPorts(int postgres, int kafka, int kafkaController, Map<String, Integer> http) {

    static LocalPorts standard() {
        Map<String, Integer> http = new LinkedHashMap<>();
        http.put(LocalComponent.GATEWAY, env("DSR_LOCAL_GATEWAY_PORT", 8080));
        http.put("referral-service", 8081);
        http.put("consent-service", 8082);
        http.put("risk-service", 8083);
        http.put("meeting-service", 8084);
        http.put("reporting-service", 8085);
        return new LocalPorts(env("DSR_LOCAL_POSTGRES_PORT", 54329), env("DSR_LOCAL_KAFKA_PORT", 9094),
                env("DSR_LOCAL_KAFKA_CONTROLLER_PORT", 9095), http);
    }

    static LocalPorts free() {
        Map<String, Integer> http = new LinkedHashMap<>();
        LocalComponent.all().forEach(component -> http.put(component.name(), FreePorts.next()));
        return new LocalPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), http);
    }

    int of(String component) {
        return http.get(component);
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
