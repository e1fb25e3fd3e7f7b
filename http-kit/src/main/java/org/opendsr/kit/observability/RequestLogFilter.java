package org.opendsr.kit.observability;

import java.security.Principal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per API request: method, path, status, time taken and the caller's user id, with the correlation
 * id. Paths carry only ids; query strings (which can hold search terms) and bodies are never logged. Health and
 * metrics calls are left out.
 *
 * <p>Kept cheap because it runs on every request: nothing at all when the {@code dsr.http.requests} logger is off,
 * no type conversion of request attributes, and the correlation id passed as a JSON field of the line rather than
 * by putting it in and taking it out of the MDC (each of which copies the MDC map).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dsr.http.request-log.enabled", notEquals = "false")
public class RequestLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger("dsr.http.requests");
    private static final String STARTED = "dsr.request.started";

    @RequestFilter
    public void started(HttpRequest<?> request) {
        if (LOG.isInfoEnabled() && !isProbe(request.getPath())) {
            request.setAttribute(STARTED, System.nanoTime());
        }
    }

    @ResponseFilter
    public void finished(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object started = request.getAttribute(STARTED).orElse(null);
        if (!(started instanceof Long startedAt) || !LOG.isInfoEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - startedAt) / 1_000_000;
        String user = request.getUserPrincipal().map(Principal::getName).orElse("anonymous");
        String correlationId = MDC.get(CorrelationId.MDC_KEY) != null ? null
                : response.getHeaders().get(CorrelationId.HEADER);
        if (correlationId == null) {
            LOG.info("{} {} {} {}ms user={}", request.getMethod(), request.getPath(), response.code(), millis, user);
        } else {
            // No placeholder: the argument becomes the line's correlationId field, as the MDC would have made it.
            LOG.info("{} {} {} {}ms user={}", request.getMethod(), request.getPath(), response.code(), millis, user,
                    StructuredArguments.keyValue(CorrelationId.MDC_KEY, correlationId));
        }
    }

    private static boolean isProbe(String path) {
        return path.startsWith("/health") || path.equals("/prometheus");
    }
}
