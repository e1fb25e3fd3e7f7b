package org.opendsr.kit.observability;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import jakarta.inject.Singleton;

/**
 * Spans are exported over OTLP when, and only when, an endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or the same {@code otel.*} properties), over OTLP/HTTP with protobuf
 * unless {@code OTEL_EXPORTER_OTLP_PROTOCOL} says otherwise. Without one, no exporter
 * exists at all: nothing tries to reach a collector, so nothing logs export failures. Traces are still made
 * (trace ids in logs, traceparent on events); only sending them somewhere is switched.
 *
 * <p>An explicit {@code OTEL_TRACES_EXPORTER} (e.g. {@code none} with an endpoint set, or {@code console}) wins.
 */
@Singleton
public class OtlpExportWhenConfigured implements OpenTelemetryBuilderCustomizer {

    static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "otel.exporter.otlp.traces.endpoint";
    static final String TRACES_EXPORTER = "otel.traces.exporter";
    static final String PROTOCOL = "otel.exporter.otlp.protocol";
    static final String TRACES_PROTOCOL = "otel.exporter.otlp.traces.protocol";

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(OtlpExportWhenConfigured::exporterFor);
    }

    public static Map<String, String> exporterFor(ConfigProperties config) {
        boolean endpointConfigured = !isBlank(config.getString(ENDPOINT)) || !isBlank(config.getString(TRACES_ENDPOINT));
        boolean exporterChosen = System.getenv("OTEL_TRACES_EXPORTER") != null
                || System.getProperty(TRACES_EXPORTER) != null;
        Map<String, String> chosen = new HashMap<>();
        if (endpointConfigured && !exporterChosen) {
            chosen.put(TRACES_EXPORTER, "otlp");
        }
        // The SDK would speak gRPC (4317); OTLP over HTTP (4318, /v1/traces) is what every collector and Jaeger
        // accept without extra set-up and what deploy/README.md documents. OTEL_EXPORTER_OTLP_PROTOCOL still wins.
        if (endpointConfigured && isBlank(config.getString(PROTOCOL)) && isBlank(config.getString(TRACES_PROTOCOL))) {
            chosen.put(TRACES_PROTOCOL, "http/protobuf");
        }
        return chosen;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
