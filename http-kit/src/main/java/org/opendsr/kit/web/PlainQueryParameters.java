package org.opendsr.kit.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.opendsr.kit.rules.RuleBroken;

/**
 * {@link PlainText}'s rule for what arrives outside the body: a query parameter (name or value) or a path carrying a
 * NUL or another control character is refused with 400 naming it, before any controller binds it. A String query
 * value goes straight into SQL in places (a listing's filters), and PostgreSQL refuses a NUL with an error that
 * would otherwise surface as a 500.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PlainQueryParameters implements Ordered {

    private final RuleBrokenHandler refusals;

    public PlainQueryParameters(RuleBrokenHandler refusals) {
        this.refusals = refusals;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseControlCharacters(HttpRequest<?> request) {
        if (!PlainText.isPlain(decoded(request.getPath()))) {
            return refusals.handle(request, RuleBroken.invalid("path", PlainText.REFUSAL));
        }
        for (String name : request.getParameters().names()) {
            if (!PlainText.isPlain(name)) {
                return refusals.handle(request, RuleBroken.invalid("query", PlainText.REFUSAL));
            }
            for (String value : request.getParameters().getAll(name)) {
                if (!PlainText.isPlain(value)) {
                    return refusals.handle(request, RuleBroken.invalid(name, PlainText.REFUSAL));
                }
            }
        }
        return null;
    }

    /** The path as a controller's path variable receives it (percent-decoded); a malformed one is left to routing. */
    private static String decoded(String path) {
        try {
            return URLDecoder.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }

    @Override
    public int getOrder() {
        // Right after the correlation id is given, so that the refusal carries it.
        return ServerFilterPhase.FIRST.after();
    }
}
