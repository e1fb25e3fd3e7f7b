package org.opendsr.kit.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code errors} names each offending field, so a
 * caller can show the message next to it.
 *
 * @param type          a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title         short, the same for every occurrence of the type
 * @param status        the HTTP status
 * @param detail        this occurrence, in plain words
 * @param instance      the request path
 * @param errors        the fields at fault, if any
 * @param correlationId quote it when reporting the problem
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable List<FieldProblem> errors, @Nullable String correlationId) {

    /** One field at fault: its path in the request (e.g. {@code person.nhsNumber}, {@code contacts[0].phone}). */
    @Serdeable
    public record FieldProblem(String field, String message) {
    }
}
