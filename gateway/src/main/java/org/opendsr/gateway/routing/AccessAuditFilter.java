package org.opendsr.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.opendsr.kit.observability.CorrelationIdFilter;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The gateway's access audit: one line per API call, refused ones included (401 without a valid token, 403 from
 * a service, 429 past a rate limit, 400 for an ambiguous path): who, which roles, what, which service, the outcome
 * and how long it took. It wraps security and the path check, so it sees every call they turn away. Paths carry only
 * ids (personId, referralId), never names or NHS numbers; query strings are neither logged nor published.
 *
 * <p>The same record is published to {@code dsr.gateway.access} ({@link AccessRecords}), asynchronously, for
 * referral-service's audit store, where a lead reads it per person and per user. The line is written first and
 * whatever Kafka does: if a record cannot be published, the log still holds it.
 */
@Filter(ServiceRoutes.API_PREFIX + "/**")
public class AccessAuditFilter implements HttpServerFilter {

    static final String SERVICE_ATTRIBUTE = "dsr.gateway.service";
    private static final Logger AUDIT = LoggerFactory.getLogger("dsr.audit.access");

    private final AccessRecords records;

    public AccessAuditFilter(AccessRecords records) {
        this.records = records;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        return Flux.from(chain.proceed(request)).doOnNext(response -> {
            Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
            String subject = caller.map(Authentication::getName).orElse("anonymous");
            List<String> roles = caller.map(authentication -> List.copyOf(authentication.getRoles())).orElse(List.of());
            String path = pathOf(request);
            AUDIT.info("access user={} roles={} method={} path={} service={} status={} millis={}",
                    subject, roles, request.getMethod(), path,
                    request.getAttribute(SERVICE_ATTRIBUTE, String.class).orElse("none"),
                    response.code(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            records.publish(subject, roles, request.getMethodName(), path, response.code(), Instant.now(),
                    request.getAttribute(CorrelationIdFilter.ATTRIBUTE, String.class).orElse(null));
        });
    }

    /**
     * The normalised raw path that was routed ({@link PathCheckFilter}); for a path refused as ambiguous, the raw
     * path as sent (it was never routed). Never the query string.
     */
    private static String pathOf(HttpRequest<?> request) {
        return request.getAttribute(PathCheckFilter.RAW_PATH_ATTRIBUTE, RawPath.class)
                .map(RawPath::value)
                .orElseGet(() -> {
                    String raw = request.getUri().getRawPath();
                    return raw == null || raw.isEmpty() ? "/" : raw;
                });
    }
}
