package org.opendsr.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.observability.OtlpExportWhenConfigured;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * Spans leave over OTLP (HTTP, protobuf, {@code /v1/traces}) when an endpoint is configured, and no exporter exists
 * when none is. The collector here is a tiny local HTTP server that records what it receives.
 */
class OtlpExportTest {

    private record Received(String method, String path, String contentType, int bytes) {
    }

    @Test
    void spansAreSentToTheConfiguredCollector() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body.readAllBytes().length));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Map<String, Object> properties = new HashMap<>(DsrTestEnvironment.forService("kit"));
        properties.put("dsr.outbox.relay-enabled", "false");
        properties.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort());
        properties.put("otel.bsp.schedule.delay", "100");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            Span span = context.getBean(OpenTelemetry.class).getTracer("otlp-export-test")
                    .spanBuilder("a span for the collector").startSpan();
            span.end();
            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        } finally {
            collector.stop(0);
        }
        assertThat(received).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/traces");
            assertThat(request.contentType()).isEqualTo("application/x-protobuf");
            assertThat(request.bytes()).isPositive();
        });
    }

    @Test
    void withoutAnEndpointNothingIsExported() {
        assertThat(OtlpExportWhenConfigured.exporterFor(DefaultConfigProperties.createFromMap(Map.of())))
                .doesNotContainKey("otel.traces.exporter");
        assertThat(OtlpExportWhenConfigured.exporterFor(DefaultConfigProperties.createFromMap(
                Map.of("otel.exporter.otlp.endpoint", "http://collector:4318"))))
                .containsEntry("otel.traces.exporter", "otlp")
                .containsEntry("otel.exporter.otlp.traces.protocol", "http/protobuf");
    }
}
