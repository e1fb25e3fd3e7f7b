package org.opendsr.kit.observability;

import java.io.IOException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import net.logstash.logback.composite.AbstractJsonProvider;

/**
 * Writes {@code trace_id} and {@code span_id} of the span current on the logging thread into every JSON log line,
 * so that a log line leads to its trace and back. Lines that went through {@link TracedAsyncAppender} carry the span
 * that was current when they were logged; a line written synchronously reads it now, on the logging thread. Never
 * copied into the MDC, so nothing has to be cleaned up afterwards. Lines logged outside any span carry neither.
 */
public class TraceIdsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        SpanContext span = event instanceof TracedAsyncAppender.Traced traced ? traced.span()
                : Span.current().getSpanContext();
        if (span.isValid()) {
            generator.writeStringField(TRACE_ID, span.getTraceId());
            generator.writeStringField(SPAN_ID, span.getSpanId());
        }
    }
}
