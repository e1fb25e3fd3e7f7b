package org.opendsr.kit.messaging;

import org.opendsr.kit.observability.SafeThrowables;

/**
 * An event that can never be processed, however often it is retried: it goes to the dead-letter topic with
 * this reason, and the consumer moves on. Handlers throw it for events that break a rule (e.g. an unknown
 * person). The detail is for the dead-letter header and must not quote personal data.
 */
public class UnprocessableEvent extends RuntimeException implements SafeThrowables.DataSafeMessage {

    /** Why, in a word an operator can count and alert on. */
    public enum Reason {
        NOT_A_CLOUD_EVENT,
        INVALID_ENVELOPE,
        SCHEMA_VIOLATION,
        UNREADABLE_DATA,
        REJECTED_BY_HANDLER,
        RETRIES_EXHAUSTED,
        /** A type this consumer does not know, on a topic where every type must be known (e.g. agency inbound). */
        UNKNOWN_TYPE,
        /** Processing failed outside the handler in a way no retry is expected to change: a fault in the code. */
        UNEXPECTED_FAILURE
    }

    private final Reason reason;

    public UnprocessableEvent(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public UnprocessableEvent(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    /** For handlers: the event breaks a rule and will never succeed. */
    public static UnprocessableEvent rejected(String detail) {
        return new UnprocessableEvent(Reason.REJECTED_BY_HANDLER, detail);
    }

    public Reason reason() {
        return reason;
    }
}
