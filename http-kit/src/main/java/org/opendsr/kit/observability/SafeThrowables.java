package org.opendsr.kit.observability;

import java.sql.SQLException;

import org.opendsr.kit.rules.RuleBroken;

/**
 * Describes failures for logs without their messages where a message may quote data: database errors quote
 * the values that violated a constraint (an NHS number, a name), parsers quote the input. The class names,
 * SQL states and stack frames that remain are enough to find the cause.
 */
public final class SafeThrowables {

    private SafeThrowables() {
    }

    /** A copy of the chain with data-quoting messages replaced; stack traces are kept. */
    public static Throwable redacted(Throwable original) {
        if (original == null) {
            return null;
        }
        RedactedFailure copy = new RedactedFailure(describe(original), redacted(original.getCause()));
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    /** One line: class names of the chain, with SQL states, e.g. {@code DataAccessException <- PSQLException[23505]}. */
    public static String summary(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(describe(cause));
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    private static String describe(Throwable failure) {
        String name = failure.getClass().getName();
        if (failure instanceof SQLException sql) {
            return name + "[SQLState " + sql.getSQLState() + "]";
        }
        // A broken rule's detail is written for the caller, like a refusal's; RuleBroken stays free of kit types.
        if (failure instanceof DataSafeMessage || failure instanceof RuleBroken) {
            return name + ": " + failure.getMessage();
        }
        return name;
    }

    /** Marks exceptions whose messages are written to carry no personal data, so logs may show them. */
    public interface DataSafeMessage {
    }

    static final class RedactedFailure extends RuntimeException {
        RedactedFailure(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
