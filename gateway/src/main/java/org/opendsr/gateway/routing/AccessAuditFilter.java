package org.opendsr.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The gateway's access audit: one line per API call, refused ones included (401 without a valid token, 403 from
 * a service): who, which roles, what, which service, the outcome and how long it took. It wraps security, so it
 * sees every call security turns away. Paths carry only ids (personId, referralId), never names or NHS numbers;
 * query strings are not logged.
 */
@Filter(ServiceRoutes.API_PREFIX + "/**")
public class AccessAuditFilter implements HttpServerFilter {

    static final String SERVICE_ATTRIBUTE = "dsr.gateway.service";
    private static final Logger AUDIT = LoggerFactory.getLogger("dsr.audit.access");

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        return Flux.from(chain.proceed(request)).doOnNext(response -> {
            Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
            AUDIT.info("access user={} roles={} method={} path={} service={} status={} millis={}",
                    caller.map(Authentication::getName).orElse("anonymous"),
                    caller.map(Authentication::getRoles).orElse(List.of()),
                    request.getMethod(), request.getPath(),
                    request.getAttribute(SERVICE_ATTRIBUTE, String.class).orElse("none"),
                    response.code(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        });
    }
}
