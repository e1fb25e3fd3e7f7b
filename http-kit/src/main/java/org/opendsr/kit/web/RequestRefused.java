package org.opendsr.kit.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.opendsr.kit.observability.SafeThrowables;

/**
 * A request the service understood and refuses, with a reason the caller can act on, e.g. 409
 * {@code consent-not-active}. Becomes a problem+json response of type {@code urn:dsr:problem:<problem>}.
 * The detail is shown to the caller and may be logged: it must not quote personal data.
 */
public class RequestRefused extends RuntimeException implements SafeThrowables.DataSafeMessage {

    /** One title for every invalid-request problem, whichever layer found the bad field. */
    public static final String INVALID_REQUEST_TITLE = org.opendsr.kit.rules.RuleBroken.INVALID_REQUEST_TITLE;

    private final HttpStatus status;
    private final String problem;
    private final String title;
    private final String field;

    public RequestRefused(HttpStatus status, String problem, String title, String detail, @Nullable String field) {
        super(detail);
        this.status = status;
        this.problem = problem;
        this.title = title;
        this.field = field;
    }

    public static RequestRefused notFound(String what) {
        return new RequestRefused(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found", null);
    }

    public static RequestRefused conflict(String problem, String title, String detail) {
        return new RequestRefused(HttpStatus.CONFLICT, problem, title, detail, null);
    }

    public static RequestRefused invalidField(String field, String detail) {
        return new RequestRefused(HttpStatus.BAD_REQUEST, "invalid-request", INVALID_REQUEST_TITLE, detail, field);
    }

    public static RequestRefused forbidden(String detail) {
        return new RequestRefused(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String problemType() {
        return "urn:dsr:problem:" + problem;
    }

    public String title() {
        return title;
    }

    @Nullable
    public String field() {
        return field;
    }
}
