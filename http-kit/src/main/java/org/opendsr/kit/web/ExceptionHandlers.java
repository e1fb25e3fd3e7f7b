package org.opendsr.kit.web;

import java.util.ArrayList;
import java.util.List;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every way a request can be wrong into a 4xx problem that names the field, and an unexpected failure
 * into a 500 problem whose log line carries no request data. Nothing here echoes what the caller sent.
 */
public final class ExceptionHandlers {

    private ExceptionHandlers() {
    }

    /** Bean Validation failures: one entry per violated field, e.g. {@code person.nhsNumber}. */
    @Singleton
    @Produces
    @Replaces(ConstraintExceptionHandler.class)
    public static class ConstraintViolations implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final Problems problems;

        public ConstraintViolations(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<FieldError> fields = new ArrayList<>();
            for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
                fields.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
            }
            fields.sort((a, b) -> a.field().compareTo(b.field()));
            return problems.fieldErrors(request, exception, fields);
        }

        static String fieldOf(Path path) {
            List<Path.Node> nodes = new ArrayList<>();
            path.forEach(nodes::add);
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < nodes.size(); i++) {
                Path.Node node = nodes.get(i);
                ElementKind kind = node.getKind();
                boolean lastNode = i == nodes.size() - 1;
                if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                        || kind == ElementKind.CROSS_PARAMETER) {
                    continue;
                }
                if (kind == ElementKind.PARAMETER && !lastNode) {
                    continue; // the @Body parameter's own name: callers know the fields of the body, not the parameter
                }
                // In Bean Validation paths the element index belongs to the node after the container.
                if (node.isInIterable() && field.length() > 0) {
                    field.append('[').append(node.getIndex() != null ? node.getIndex()
                            : node.getKey() != null ? node.getKey() : "").append(']');
                }
                if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
                    if (field.length() > 0) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
            return field.length() == 0 ? "request" : field.toString();
        }
    }

    /** A value that cannot be read as its type (unknown code, bad date, text where a number belongs). */
    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    public static class ConversionErrors implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final Problems problems;

        public ConversionErrors(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            SerdeException serde = find(exception, SerdeException.class);
            String field = serde != null && !serde.getPath().isEmpty()
                    ? pathOf(serde.getPath())
                    : exception.getArgument().getName();
            return problems.fieldErrors(request, exception, List.of(new FieldError(field, messageFor(exception))));
        }

        private static String messageFor(ConversionErrorException exception) {
            if (anyMessageContains(exception, PlainText.REFUSAL)) {
                return PlainText.REFUSAL;
            }
            InvalidFormatException invalid = find(exception, InvalidFormatException.class);
            String message = invalid == null || invalid.getMessage() == null ? "" : invalid.getMessage();
            int allowed = message.indexOf("Expected one of [");
            if (allowed >= 0) {
                // "... Expected one of [A, B] but was 'X'": keep the allowed values, never echo what was sent.
                int end = message.indexOf(']', allowed);
                return "must be one of " + message.substring(allowed + "Expected one of ".length(), end + 1);
            }
            SerdeException serde = find(exception, SerdeException.class);
            if (serde != null && !serde.getPath().isEmpty()) {
                var last = serde.getPath().get(serde.getPath().size() - 1).getArgument();
                return "is not a valid " + describe(last.getType());
            }
            return "is not a valid " + describe(exception.getArgument().getType());
        }

        private static String describe(Class<?> type) {
            if (type == java.time.LocalDate.class) {
                return "date (YYYY-MM-DD)";
            }
            if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
                return "date and time (ISO 8601)";
            }
            if (type == java.util.UUID.class) {
                return "UUID";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "number";
            }
            return type.getSimpleName();
        }

        static String pathOf(List<ReferencePath> path) {
            StringBuilder field = new StringBuilder();
            // Serde lists the path innermost first: contacts[0].role arrives as role, [0], contacts.
            for (int i = path.size() - 1; i >= 0; i--) {
                ReferencePath element = path.get(i);
                if (element instanceof PropertyReferencePath property) {
                    if (field.length() > 0) {
                        field.append('.');
                    }
                    field.append(property.property().getName());
                } else if (element instanceof CollectionItemReferencePath item) {
                    field.append('[').append(item.index()).append(']');
                } else if (element instanceof MapItemReferencePath) {
                    field.append("[]");
                }
            }
            return field.toString();
        }
    }

    /** A body that is not JSON at all. */
    @Singleton
    @Produces
    @Replaces(JsonExceptionHandler.class)
    public static class MalformedJson implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        private final Problems problems;

        public MalformedJson(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return problems.message(request, HttpStatus.BAD_REQUEST, exception, "The request body is not valid JSON");
        }
    }

    /** A request the service understood and refuses for a stated reason. */
    @Singleton
    @Produces
    public static class Refusals implements ExceptionHandler<RequestRefused, HttpResponse<?>> {
        private final Problems problems;

        public Refusals(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, RequestRefused refused) {
            List<FieldError> fields = refused.field() == null ? List.of()
                    : List.of(new FieldError(refused.field(), refused.getMessage()));
            return problems.respond(request, refused.status(), refused, fields);
        }
    }

    /**
     * Anything else is the service's fault: a 500 problem, logged without the data that may be in messages; unless
     * the database cannot be reached, which is an outage: 503 with Retry-After ({@link DatabaseUnavailable}).
     */
    @Singleton
    @Produces
    public static class UnexpectedFailures implements ExceptionHandler<Exception, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailures.class);
        private final Problems problems;
        private final DatabaseUnavailable databaseUnavailable;

        public UnexpectedFailures(Problems problems, DatabaseUnavailable databaseUnavailable) {
            this.problems = problems;
            this.databaseUnavailable = databaseUnavailable;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception exception) {
            if (DatabaseUnavailable.isCauseOf(exception)) {
                return databaseUnavailable.respond(request, exception);
            }
            LOG.error("Unexpected failure handling {} {}", request.getMethod(), request.getPath(),
                    SafeThrowables.redacted(exception));
            return problems.message(request, HttpStatus.INTERNAL_SERVER_ERROR, exception,
                    "An unexpected error occurred; it has been logged"
                            + CorrelationId.current().map(id -> " with correlation id " + id).orElse(""));
        }
    }

    private static boolean anyMessageContains(Throwable failure, String text) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
