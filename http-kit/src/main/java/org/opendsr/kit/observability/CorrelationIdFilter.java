package org.opendsr.kit.observability;

import java.util.Map;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Gives every request a correlation id (the caller's, if it sent a plain one), puts it in the logging MDC for
 * the whole request, including work on other threads, and returns it in the response header.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorrelationIdFilter implements Ordered {

    /** The request attribute holding the call's correlation id (the gateway's access records read it). */
    public static final String ATTRIBUTE = "dsr.correlationId";

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext propagatedContext) {
        String id = CorrelationId.acceptOrCreate(request.getHeaders().get(CorrelationId.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        propagatedContext.add(new MdcPropagationContext(Map.of(CorrelationId.MDC_KEY, id)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class)
                .ifPresent(id -> response.getHeaders().set(CorrelationId.HEADER, id));
    }

    @Override
    public int getOrder() {
        // Before security, so that refusals carry the id too.
        return ServerFilterPhase.FIRST.order();
    }
}
