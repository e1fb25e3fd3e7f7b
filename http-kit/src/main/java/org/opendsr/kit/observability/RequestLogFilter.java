package org.opendsr.kit.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per API request: method, path, status, time taken and the caller's user id, with the correlation
 * id. Paths carry only ids; query strings (which can hold search terms) and bodies are never logged. Health and
 * metrics calls are left out.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dsr.http.request-log.enabled", notEquals = "false")
public class RequestLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger("dsr.http.requests");
    private static final String STARTED = "dsr.request.started";

    @RequestFilter
    public void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void finished(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (path.startsWith("/health") || path.equals("/prometheus")) {
            return;
        }
        long millis = request.getAttribute(STARTED, Long.class)
                .map(started -> (System.nanoTime() - started) / 1_000_000).orElse(-1L);
        String user = request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse("anonymous");
        String correlationId = response.getHeaders().get(CorrelationId.HEADER);
        try (MDC.MDCCloseable ignored = correlationId == null ? null : MDC.putCloseable(CorrelationId.MDC_KEY, correlationId)) {
            LOG.info("{} {} {} {}ms user={}", request.getMethod(), path, response.code(), millis, user);
        }
    }
}
