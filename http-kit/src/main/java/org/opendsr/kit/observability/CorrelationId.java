package org.opendsr.kit.observability;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The correlation id that follows one piece of work from an HTTP request through the events it causes to the
 * requests and events that follow. It is in the logging MDC under {@value #MDC_KEY} while the work runs, in
 * the {@value #HEADER} HTTP header and in the CloudEvents extension attribute {@value #CLOUDEVENT_EXTENSION}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String CLOUDEVENT_EXTENSION = "correlationid";

    // Accepted from callers only when it cannot carry anything but an identifier (no free text, no personal data).
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private CorrelationId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The caller's id when it is a plain identifier, otherwise a new one. */
    public static String acceptOrCreate(String fromCaller) {
        return fromCaller != null && ACCEPTABLE.matcher(fromCaller).matches() ? fromCaller : newId();
    }
}
