package org.opendsr.kit.web;

import java.util.List;
import java.util.Optional;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.CorrelationId;

/**
 * Every error response of a DSR service, whatever raised it (a refused request, bad input, 401/403 from
 * security, 404, 405, an unexpected failure), is an RFC 9457 problem+json body. Replaces Micronaut's default
 * processor, which would answer some callers in HTML.
 */
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        int status = response.code();
        Optional<RequestRefused> refused = context.getRootCause()
                .filter(RequestRefused.class::isInstance).map(RequestRefused.class::cast);
        List<Problem.FieldProblem> fields = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldProblem(error.getPath().get(), error.getMessage()))
                .toList();
        // A 5xx detail would be a framework message, which can quote the response being written: never pass it on.
        String detail = status >= 500 && refused.isEmpty()
                ? "An unexpected error occurred; it has been logged" + CorrelationId.current()
                        .map(id -> " with correlation id " + id).orElse("")
                : refused.map(ProblemResponseProcessor::detailOf).orElseGet(() -> detail(context.getErrors(), fields));
        Problem problem = new Problem(
                refused.map(RequestRefused::problemType).orElse(fields.isEmpty() ? "about:blank" : ProblemTypes.INVALID_REQUEST),
                refused.map(RequestRefused::title)
                        .orElse(fields.isEmpty() ? response.reason() : RequestRefused.INVALID_REQUEST_TITLE),
                status,
                detail,
                context.getRequest().getPath(),
                fields.isEmpty() ? null : fields,
                CorrelationId.current().orElse(null));
        return response.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(problem);
    }

    private static String detailOf(RequestRefused refused) {
        return refused.field() == null ? refused.getMessage() : refused.field() + ": " + refused.getMessage();
    }

    private static String detail(List<Error> errors, List<Problem.FieldProblem> fields) {
        if (!fields.isEmpty()) {
            return fields.size() == 1
                    ? fields.get(0).field() + ": " + fields.get(0).message()
                    : fields.size() + " fields are not valid";
        }
        return errors.isEmpty() ? null : errors.get(0).getMessage();
    }
}
