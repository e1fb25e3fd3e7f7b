package org.opendsr.kit.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/** Tells an outage of the database or broker (wait and retry) from a fault in the event or the code. */
public final class FailureClassification {

    // PostgreSQL SQLSTATE classes and codes that mean "try again later", not "this will never work":
    // 08 connection exception, 40001 serialization failure, 40P01 deadlock, 53 insufficient resources,
    // 57P01-57P03 server shutting down or not accepting connections.
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private FailureClassification() {
    }

    public static boolean isTransientInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientInfrastructureFailure
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || cause instanceof RetriableException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_SQL_STATES.contains(state)
                        || (state.length() >= 2 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
