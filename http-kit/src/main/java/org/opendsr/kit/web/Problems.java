package org.opendsr.kit.web;

import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Builds problem responses through the one {@link ErrorResponseProcessor}, for the kit's exception handlers. */
@Singleton
public class Problems {

    private final ErrorResponseProcessor<?> processor;

    public Problems(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, Throwable cause, List<? extends Error> errors) {
        ErrorContext.Builder context = ErrorContext.builder(request).cause(cause);
        errors.forEach(context::error);
        return processor.processResponse(context.build(), HttpResponse.status(status));
    }

    public MutableHttpResponse<?> fieldErrors(HttpRequest<?> request, Throwable cause, List<FieldError> fields) {
        return respond(request, HttpStatus.BAD_REQUEST, cause, fields);
    }

    public MutableHttpResponse<?> message(HttpRequest<?> request, HttpStatus status, Throwable cause, String message) {
        return respond(request, status, cause, List.of(() -> message));
    }
}
