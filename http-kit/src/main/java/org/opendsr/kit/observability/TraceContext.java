package org.opendsr.kit.observability;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context ({@code traceparent}, optional {@code tracestate}) as text, so that it can be kept where a
 * live OpenTelemetry context cannot: on an outbox row, in a Kafka header, in a CloudEvent's distributed-tracing
 * extension. {@link #current()} captures it, {@link #toContext()} restores it.
 *
 * @param traceparent e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}
 * @param tracestate  vendor entries, null when there are none
 */
public record TraceContext(String traceparent, @Nullable String tracestate) {

    /** The W3C header, Kafka header and CloudEvents extension attribute name (the same word in all three). */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The context of the span current on this thread, or null when there is none (nothing is being traced). */
    public static @Nullable TraceContext current() {
        return of(Context.current());
    }

    public static @Nullable TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        if (traceparent == null) {
            return null;
        }
        String tracestate = carrier.get(TRACESTATE);
        return new TraceContext(traceparent, tracestate == null || tracestate.isBlank() ? null : tracestate);
    }

    /** Null-safe: a missing or malformed traceparent gives an empty context, so a new trace is started. */
    public static Context toContext(@Nullable String traceparent, @Nullable String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), carrier, MAP_GETTER);
    }

    public Context toContext() {
        return toContext(traceparent, tracestate);
    }

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
