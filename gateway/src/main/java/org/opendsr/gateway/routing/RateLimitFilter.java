package org.opendsr.gateway.routing;

import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.Authentication;
import org.opendsr.kit.web.Problems;
import org.opendsr.kit.web.RequestRefused;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Applies {@link RateLimits} to API calls after security has said who the caller is and before anything is
 * relayed: past the limit, 429 problem+json with {@code Retry-After} (seconds). Inside the access audit, so a
 * refused call is audited with its 429.
 */
@Filter(ServiceRoutes.API_PREFIX + "/**")
public class RateLimitFilter implements HttpServerFilter {

    static final String REFERRALS = ServiceRoutes.API_PREFIX + "/referrals";

    private final RateLimits limits;
    private final HttpClientAddressResolver addresses;
    private final Problems problems;

    public RateLimitFilter(RateLimits limits, HttpClientAddressResolver addresses, Problems problems) {
        this.limits = limits;
        this.addresses = addresses;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // After SecurityFilter (the caller is known), before ApiProxyFilter (SECURITY.after()).
        return ServerFilterPhase.SECURITY.after() - 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<RateLimits.Kind> kind = kindOf(request);
        if (kind.isEmpty()) {
            return chain.proceed(request);
        }
        Optional<RateLimits.Refusal> refusal = limits.take(kind.get(), callerOf(request));
        if (refusal.isEmpty()) {
            return chain.proceed(request);
        }
        return Mono.just(tooMany(request, refusal.get()));
    }

    static Optional<RateLimits.Kind> kindOf(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return Optional.of(RateLimits.Kind.READ);
        }
        if (method == HttpMethod.POST && PathCheckFilter.of(request).value().equals(REFERRALS)) {
            return Optional.of(RateLimits.Kind.REFERRAL_SUBMISSION);
        }
        return Optional.empty();
    }

    /** The token's subject; an anonymous caller by address (they are different kinds of key, so never mixed). */
    private String callerOf(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(caller -> "sub:" + caller.getName())
                .orElseGet(() -> "address:" + Optional.ofNullable(addresses.resolve(request)).orElse("unknown"));
    }

    private MutableHttpResponse<?> tooMany(HttpRequest<?> request, RateLimits.Refusal refusal) {
        long retryAfterSeconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        RequestRefused refused = new RequestRefused(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many requests", "More than " + refusal.limit() + " " + refusal.kind().words() + " in "
                + refusal.period().toSeconds() + " s: try again in " + retryAfterSeconds + " s", null);
        MutableHttpResponse<?> response = problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, refused, List.of());
        response.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return response;
    }
}
