package org.opendsr.kit.web;

import java.util.Optional;

import io.micronaut.http.server.exceptions.response.Error;

/** An error about one field of the request, for {@link ProblemResponseProcessor}. */
record FieldError(String field, String message) implements Error {

    @Override
    public Optional<String> getPath() {
        return Optional.of(field);
    }

    @Override
    public String getMessage() {
        return message;
    }
}
