package org.opendsr.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import net.logstash.logback.encoder.LogstashEncoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.kit.observability.TraceContext;
import org.opendsr.kit.observability.TraceIdsJsonProvider;
import org.opendsr.kit.testapp.ReferralsSeen;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;
import org.slf4j.LoggerFactory;

/**
 * One trace across the bus, on a real broker and a real database: the request's trace context is stored on the
 * outbox row, the relay publishes inside a child span and sends that span's context as the Kafka header and the
 * CloudEvents extension, and the consumer processes the event in a span of the same trace, its SQL included.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingAcrossTheBusTest implements TestPropertyProvider {

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

    @Inject
    EmbeddedServer server;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ReferralsSeen seen;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    private ApiClient api;
    private String token;
    private TopicReader topic;
    private final ByteArrayOutputStream jsonLog = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> jsonAppender;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("kit"));
        properties.put("dsr.outbox.relay-enabled", "true");
        properties.put("dsr.outbox.poll-interval", "200ms");
        properties.put(InMemorySpans.PROPERTY, "true");
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        token = TestTokens.get().tokenFor("test-professional", "PROFESSIONAL");
        topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS);
        jsonAppender = jsonLogAppender();
        // The kit logs each event at DEBUG only (a line per event is too dear under load); turned on here to see that
        // what a consumer logs while processing an event carries the event's trace and its own span.
        ((Logger) LoggerFactory.getLogger(InboundEvents.class)).setLevel(Level.DEBUG);
    }

    @AfterAll
    void disconnect() {
        topic.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(jsonAppender);
        jsonAppender.stop();
        ((Logger) LoggerFactory.getLogger(InboundEvents.class)).setLevel(null);
    }

    @Test
    void oneTraceRunsFromTheRequestThroughTheOutboxAndTheTopicToTheConsumer() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(8));
        UUID personId = UUID.randomUUID();

        var response = api.post("/kit-test/referrals", token, Map.of("personId", personId.toString(),
                        "locality", "SWINDON", "indicativeRag", "AMBER", "referredOn", "2026-11-20"),
                Map.of(TraceContext.TRACEPARENT, "00-" + traceId + "-" + callerSpanId + "-01"));
        assertThat(response.status()).isEqualTo(201);
        UUID referralId = UUID.fromString(response.json().get("referralId").asText());

        // The row keeps the context of the request that wrote it.
        String storedTraceparent = storedTraceparent(personId).orElseThrow();
        assertThat(storedTraceparent).startsWith("00-" + traceId + "-");

        // The relay sends its publish span's context as the Kafka header and as the CloudEvents extension.
        ConsumerRecord<String, String> record = topic.awaitRecord(r -> personId.toString().equals(r.key()));
        String header = TopicReader.header(record, TraceContext.TRACEPARENT);
        JsonNode cloudEvent = ApiClient.JSON.readTree(record.value());
        assertThat(header).startsWith("00-" + traceId + "-");
        assertThat(cloudEvent.get("traceparent").asText()).isEqualTo(header);

        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(referralId) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> spanOf(traceId, SpanKind.CONSUMER).isPresent());

        SpanData server = spanOf(traceId, SpanKind.SERVER).orElseThrow();
        SpanData publish = spanOf(traceId, SpanKind.PRODUCER).orElseThrow();
        SpanData process = spanOf(traceId, SpanKind.CONSUMER).orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
        assertThat(storedTraceparent).contains("-" + server.getSpanId() + "-").as("the row names the request's span");
        assertThat(publish.getName()).isEqualTo("publish " + Topics.REFERRAL_EVENTS);
        assertThat(header).contains("-" + publish.getSpanId() + "-");
        assertThat(process.getName()).isEqualTo("process " + Topics.REFERRAL_EVENTS);
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
        // SQL is traced as children: the outbox insert under the request, the consumer's effects under its span.
        assertThat(traceOf(traceId)).anySatisfy(span -> {
            assertThat(span.getAttributes().get(DB_SYSTEM)).isNotNull();
            assertThat(span.getParentSpanId()).isEqualTo(process.getSpanId());
        });

        // The consumer's log line carries the trace and its own span.
        String logged = jsonLog.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = logged.lines().map(TracingAcrossTheBusTest::json)
                .filter(line -> line.path("message").asText().contains(referralId.toString())
                        || line.path("trace_id").asText().equals(traceId))
                .toList();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("trace_id").asText()).isEqualTo(traceId);
            assertThat(line.get("span_id").asText()).isEqualTo(process.getSpanId());
        });
    }

    @Test
    void untracedBackgroundSqlStartsNoTrace() {
        // The relay polls the outbox every 200ms here; none of it may become a trace of its own.
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> !span.getParentSpanContext().isValid())
                .allSatisfy(root -> assertThat(root.getAttributes().get(DB_SYSTEM)).isNull());
    }

    private List<SpanData> traceOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private Optional<SpanData> spanOf(String traceId, SpanKind kind) {
        return traceOf(traceId).stream().filter(span -> span.getKind() == kind).findFirst();
    }

    private Optional<String> storedTraceparent(UUID personId) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT traceparent FROM dsr_kit.outbox_event WHERE aggregateid = ?")) {
            select.setString(1, personId.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The JSON encoder as services configure it (logback.xml), writing to memory. */
    private OutputStreamAppender<ILoggingEvent> jsonLogAppender() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.addProvider(new TraceIdsJsonProvider());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("trace-test-json");
        appender.setEncoder(encoder);
        appender.setOutputStream(jsonLog);
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static JsonNode json(String line) {
        try {
            return ApiClient.JSON.readTree(line);
        } catch (Exception e) {
            return ApiClient.JSON.createObjectNode();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (bytes[0] == 0);
        return bytes;
    }
}
