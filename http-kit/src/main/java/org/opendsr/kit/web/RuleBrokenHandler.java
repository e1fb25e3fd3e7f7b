package org.opendsr.kit.web;

import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The one place a broken rule becomes a problem+json response, exactly as a {@link RequestRefused} does:
 * invalid request 400 (naming the field in {@code errors}), not found 404, conflict 409, forbidden 403, type
 * {@code urn:dsr:problem:<problem>}.
 */
@Singleton
@Produces
public class RuleBrokenHandler implements ExceptionHandler<RuleBroken, HttpResponse<?>> {

    private final Problems problems;

    public RuleBrokenHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuleBroken broken) {
        RequestRefused refused = asRefusal(broken);
        List<FieldError> fields = refused.field() == null ? List.of()
                : List.of(new FieldError(refused.field(), refused.getMessage()));
        return problems.respond(request, refused.status(), refused, fields);
    }

    /** The refusal the caller sees; the response processor reads its type, title and detail. */
    static RequestRefused asRefusal(RuleBroken broken) {
        return new RequestRefused(statusOf(broken.kind()), broken.problem(), broken.title(), broken.getMessage(),
                broken.field());
    }

    static HttpStatus statusOf(RuleBroken.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
