package org.opendsr.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Lines written by the background writer still carry the trace, span and MDC of the thread that logged them. */
class TracedAsyncAppenderTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_ID = "b7ad6b7169203331";

    @Test
    void aLineLoggedInASpanCarriesItsIdsAndALineOutsideCarriesNone() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TracedAsyncAppender async = asyncJsonTo(out, context);
        Logger logger = context.getLogger("test.traced-async");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(async);

        SpanContext spanContext = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(spanContext).makeCurrent();
             MDC.MDCCloseable correlation = MDC.putCloseable(CorrelationId.MDC_KEY, "corr-1")) {
            logger.info("inside the span");
        }
        logger.warn("outside any span");
        async.stop(); // drains the queue

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"trace_id\":\"" + TRACE_ID + "\"")
                .contains("\"span_id\":\"" + SPAN_ID + "\"")
                .contains("\"correlationId\":\"corr-1\"")
                .contains("inside the span");
        assertThat(lines.get(1)).doesNotContain("trace_id").doesNotContain("corr-1").contains("outside any span");
    }

    private static TracedAsyncAppender asyncJsonTo(ByteArrayOutputStream out, LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.addIncludeMdcKeyName(CorrelationId.MDC_KEY);
        encoder.addProvider(new TraceIdsJsonProvider());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> sink = new OutputStreamAppender<>();
        sink.setContext(context);
        sink.setEncoder(encoder);
        sink.setOutputStream(out);
        sink.start();
        TracedAsyncAppender async = new TracedAsyncAppender();
        async.setContext(context);
        async.addAppender(sink);
        async.start();
        return async;
    }
}
