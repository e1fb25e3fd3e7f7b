package org.opendsr.gateway.routing;

import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.Error;
import org.opendsr.kit.web.Problems;
import org.opendsr.kit.web.RequestRefused;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400 naming {@code path}, any request whose raw path could be read in two ways ({@link RawPath}),
 * before security and routing look at it, and keeps the normalised raw path for {@link ApiProxyFilter} to route and
 * forward. Every path of the gateway, not only the API: the docs and token routes have no use for such paths either.
 * Inside the access audit, so a refused path is audited too.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class PathCheckFilter implements HttpServerFilter {

    static final String RAW_PATH_ATTRIBUTE = "dsr.gateway.raw-path";

    private final Problems problems;

    public PathCheckFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // Just inside AccessAuditFilter (SECURITY.before()), before security itself.
        return ServerFilterPhase.SECURITY.before() + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        RawPath path;
        try {
            path = RawPath.of(request.getUri().getRawPath());
        } catch (RawPath.Ambiguous ambiguous) {
            return Mono.just(refuse(request, ambiguous.getMessage()));
        } catch (RuntimeException unreadable) {
            // A request target that is not even a URI.
            return Mono.just(refuse(request, "The path is not a valid URI path"));
        }
        request.setAttribute(RAW_PATH_ATTRIBUTE, path);
        return chain.proceed(request);
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request, String reason) {
        RequestRefused refused = RequestRefused.invalidField("path", reason);
        return problems.respond(request, HttpStatus.BAD_REQUEST, refused, List.of(new PathError(reason)));
    }

    /** The problem's field error: the request's path. */
    private record PathError(String reason) implements Error {
        @Override
        public Optional<String> getPath() {
            return Optional.of("path");
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    /** The checked raw path of a request that passed this filter. */
    static RawPath of(HttpRequest<?> request) {
        return request.getAttribute(RAW_PATH_ATTRIBUTE, RawPath.class)
                .orElseGet(() -> RawPath.of(request.getUri().getRawPath()));
    }
}
