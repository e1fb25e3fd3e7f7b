package org.opendsr.kit.observability;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;

/**
 * Records every trace, except SQL that runs outside any trace: the outbox relay's polls, the purges, the health
 * check's query. Those would each start a one-span trace every few hundred milliseconds and bury the traces that
 * matter (a request, an event). SQL run for a request or an event is a child span and is always kept.
 */
@Singleton
public class NoUntracedSqlSampler implements Sampler {

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    private final Sampler delegate = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
        boolean sql = attributes.get(DB_SYSTEM) != null || attributes.get(DB_SYSTEM_NAME) != null;
        if (root && sql) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "NoUntracedSqlSampler{" + delegate.getDescription() + "}";
    }
}
