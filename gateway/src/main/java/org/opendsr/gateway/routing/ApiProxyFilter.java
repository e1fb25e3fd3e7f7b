package org.opendsr.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.opendsr.gateway.subjectaccess.SubjectAccessExportController;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.observability.TraceContext;
import org.opendsr.kit.web.Problems;
import org.opendsr.kit.web.RequestRefused;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Routes {@code /api/**} to the service that serves the path, after security has authenticated the caller. The
 * request goes on as it came, bearer token included, so each service checks the token itself; the correlation id
 * goes with it. The path is routed and forwarded in its raw form as {@link PathCheckFilter} checked and normalised
 * it, never rebuilt from the decoded path. {@link AccessAuditFilter} records every call.
 */
@Filter(ServiceRoutes.API_PREFIX + "/**")
public class ApiProxyFilter implements HttpServerFilter {

    private final ServiceRoutes routes;
    private final ProxyHttpClient client;
    private final Problems problems;

    public ApiProxyFilter(ServiceRoutes routes, ProxyHttpClient client, Problems problems) {
        this.routes = routes;
        this.client = client;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // After SecurityFilter: only authenticated requests are ever forwarded.
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String rawPath = PathCheckFilter.of(request).value();
        if (SubjectAccessExportController.answers(rawPath)) {
            // Composed by the gateway itself from every service's part, not routed to one service.
            request.setAttribute(AccessAuditFilter.SERVICE_ATTRIBUTE, "gateway");
            return chain.proceed(request);
        }
        Optional<BackendService> service = routes.serviceFor(rawPath);
        if (service.isEmpty()) {
            return Mono.just(problems.message(request, HttpStatus.NOT_FOUND, null, "No DSR API at " + rawPath));
        }
        BackendService backend = service.get();
        request.setAttribute(AccessAuditFilter.SERVICE_ATTRIBUTE, backend.getName());
        String correlationId = CorrelationId.acceptOrCreate(request.getHeaders().get(CorrelationId.HEADER));
        MutableHttpRequest<?> forwarded = request.mutate().uri(targetOf(backend, rawPath, request));
        // set, not add: the caller's own header is already on the request, and a second copy would reach the service.
        forwarded.getHeaders().set(CorrelationId.HEADER, CorrelationId.current().orElse(correlationId));
        // The caller's trace context was taken up by the gateway's server span; the client instrumentation writes the
        // gateway's own (a child in the same trace). Without this the service would receive two traceparents.
        forwarded.getHeaders().remove(TraceContext.TRACEPARENT);
        forwarded.getHeaders().remove(TraceContext.TRACESTATE);
        return Mono.from(client.proxy(forwarded))
                .onErrorResume(ReadTimeoutException.class, timeout -> Mono.just(backendProblem(request,
                        HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service did not answer in time",
                        backend.getName() + " did not answer in time")))
                .onErrorResume(HttpClientException.class, unavailable -> Mono.just(backendProblem(request,
                        HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        backend.getName() + " is not available")));
    }

    /**
     * A 503/504 that names the service. Refused, not failed: the problem processor replaces the detail of any other
     * 5xx with a generic message, which would hide which service the caller is waiting for.
     */
    private MutableHttpResponse<?> backendProblem(HttpRequest<?> request, HttpStatus status, String problem, String title,
                                                  String detail) {
        return problems.respond(request, status, new RequestRefused(status, problem, title, detail, null), List.of());
    }

    private static URI targetOf(BackendService backend, String rawPath, HttpRequest<?> request) {
        String path = rawPath.substring(ServiceRoutes.API_PREFIX.length());
        String query = request.getUri().getRawQuery();
        return URI.create(backend.getUrl().toString().replaceAll("/$", "") + path + (query == null ? "" : "?" + query));
    }
}
