package org.opendsr.gateway.routing;

import java.net.URI;
import java.time.Duration;
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
import io.micronaut.security.authentication.Authentication;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.web.Problems;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Routes {@code /api/**} to the service that serves the path, after security has authenticated the caller. The
 * request goes on as it came, bearer token included, so each service checks the token itself; the correlation id
 * goes with it. Every call is written to the access audit: who, which roles, what, the outcome, how long.
 */
@Filter(ServiceRoutes.API_PREFIX + "/**")
public class ApiProxyFilter implements HttpServerFilter {

    private static final Logger AUDIT = LoggerFactory.getLogger("dsr.audit.access");

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
        long started = System.nanoTime();
        Optional<BackendService> service = routes.serviceFor(request.getPath());
        if (service.isEmpty()) {
            return Mono.just(audited(request, "none", problems.message(request, HttpStatus.NOT_FOUND, null,
                    "No DSR API at " + request.getPath()), started));
        }
        BackendService backend = service.get();
        String correlationId = CorrelationId.acceptOrCreate(request.getHeaders().get(CorrelationId.HEADER));
        MutableHttpRequest<?> forwarded = request.mutate().uri(targetOf(backend, request));
        // set, not add: the caller's own header is already on the request, and a second copy would reach the service.
        forwarded.getHeaders().set(CorrelationId.HEADER, CorrelationId.current().orElse(correlationId));
        return Mono.from(client.proxy(forwarded))
                .onErrorResume(ReadTimeoutException.class, timeout -> Mono.just(problems.message(request,
                        HttpStatus.GATEWAY_TIMEOUT, timeout, backend.getName() + " did not answer in time")))
                .onErrorResume(HttpClientException.class, unavailable -> Mono.just(problems.message(request,
                        HttpStatus.SERVICE_UNAVAILABLE, unavailable, backend.getName() + " is not available")))
                .map(response -> audited(request, backend.getName(), response, started));
    }

    private static URI targetOf(BackendService backend, HttpRequest<?> request) {
        String path = request.getPath().substring(ServiceRoutes.API_PREFIX.length());
        String query = request.getUri().getRawQuery();
        return URI.create(backend.getUrl().toString().replaceAll("/$", "") + path + (query == null ? "" : "?" + query));
    }

    private static MutableHttpResponse<?> audited(HttpRequest<?> request, String service,
                                                  MutableHttpResponse<?> response, long started) {
        Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
        // Paths carry only ids (personId, referralId), never names or NHS numbers; query strings are not logged.
        AUDIT.info("access user={} roles={} method={} path={} service={} status={} millis={}",
                caller.map(Authentication::getName).orElse("anonymous"),
                caller.map(Authentication::getRoles).orElse(java.util.List.of()),
                request.getMethod(), request.getPath(), service, response.code(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return response;
    }
}
