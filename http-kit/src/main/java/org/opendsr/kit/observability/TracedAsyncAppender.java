package org.opendsr.kit.observability;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Logback's {@link AsyncAppender} (a bounded queue and one writer thread, so a request thread never waits on the
 * console) that keeps what only the logging thread knows: the span current when the line was logged, which
 * {@link TraceIdsJsonProvider} writes as {@code trace_id}/{@code span_id}. The MDC, the thread name and the
 * formatted message are captured on the logging thread by the appender itself, as always.
 *
 * <p>What is dropped under pressure is logback's rule, configured in {@code logback.xml}: when the queue is 80%
 * full, TRACE, DEBUG and INFO lines are discarded; WARN and ERROR never are (they wait for room instead, which only
 * happens if warnings alone fill the queue faster than the console takes them).
 */
public class TracedAsyncAppender extends AsyncAppender {

    @Override
    protected void append(ILoggingEvent event) {
        SpanContext span = Span.current().getSpanContext();
        super.append(span.isValid() ? new Traced(event, span) : event);
    }

    /** A logging event and the span it was logged in. */
    static final class Traced implements ILoggingEvent {
        private final ILoggingEvent event;
        private final SpanContext span;

        Traced(ILoggingEvent event, SpanContext span) {
            this.event = event;
            this.span = span;
        }

        SpanContext span() {
            return span;
        }

        @Override
        public String getThreadName() {
            return event.getThreadName();
        }

        @Override
        public Level getLevel() {
            return event.getLevel();
        }

        @Override
        public String getMessage() {
            return event.getMessage();
        }

        @Override
        public Object[] getArgumentArray() {
            return event.getArgumentArray();
        }

        @Override
        public String getFormattedMessage() {
            return event.getFormattedMessage();
        }

        @Override
        public String getLoggerName() {
            return event.getLoggerName();
        }

        @Override
        public LoggerContextVO getLoggerContextVO() {
            return event.getLoggerContextVO();
        }

        @Override
        public IThrowableProxy getThrowableProxy() {
            return event.getThrowableProxy();
        }

        @Override
        public StackTraceElement[] getCallerData() {
            return event.getCallerData();
        }

        @Override
        public boolean hasCallerData() {
            return event.hasCallerData();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Marker getMarker() {
            return event.getMarker();
        }

        @Override
        public List<Marker> getMarkerList() {
            return event.getMarkerList();
        }

        @Override
        public Map<String, String> getMDCPropertyMap() {
            return event.getMDCPropertyMap();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Map<String, String> getMdc() {
            return event.getMdc();
        }

        @Override
        public long getTimeStamp() {
            return event.getTimeStamp();
        }

        @Override
        public int getNanoseconds() {
            return event.getNanoseconds();
        }

        @Override
        public java.time.Instant getInstant() {
            return event.getInstant();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public List<KeyValuePair> getKeyValuePairs() {
            return event.getKeyValuePairs();
        }

        @Override
        public void prepareForDeferredProcessing() {
            event.prepareForDeferredProcessing();
        }
    }
}
