package org.opendsr.kit.outbox;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a send the broker or producer refused because of the record itself, which no retry will change, from
 * everything else. Only the former parks an outbox row: an outage, a timeout, a missing topic or a missing ACL
 * affects every row alike, and parking would only hide it, so those keep being retried while the backlog
 * metrics show the stall.
 */
public final class PermanentRefusal {

    // Chosen narrowly, by what the record carries: its size, its bytes, its topic name. Retriable exceptions
    // (CorruptRecordException, timeouts, not-enough-replicas) and authorisation failures are deliberately absent.
    private static final Set<Class<? extends Throwable>> OF_THE_RECORD = Set.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            SerializationException.class,
            InvalidTopicException.class,
            InvalidRecordException.class);

    private PermanentRefusal() {
    }

    /** Why the record can never be published, or empty if it may succeed later. Never quotes the record. */
    public static Optional<String> reasonFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> permanent : OF_THE_RECORD) {
                if (permanent.isInstance(cause)) {
                    return Optional.of(permanent.getSimpleName());
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
