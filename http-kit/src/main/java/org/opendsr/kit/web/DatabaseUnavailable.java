package org.opendsr.kit.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that failed because the service's database cannot be reached is the service's outage, not the
 * caller's mistake and not a bug: 503 problem+json with {@code Retry-After}, so clients and the gateway back off
 * and retry instead of reporting an error. How fast it answers is set by the pool's wait for a connection
 * ({@code datasources.default.connection-timeout}, the service kit's default 750 ms), not here.
 *
 * <p>Recognised anywhere in the cause chain, whatever wrapped it (Micronaut Data's transaction manager, a
 * repository, a service's own exception): Hikari's {@link SQLTransientConnectionException} (no connection within
 * the timeout), the SQLStates that mean the connection itself is gone: class 08 (connection exception) and
 * 57P01-57P03 (the server is shutting down or not accepting connections), and Micronaut Data's
 * {@code ConnectionException}, which is what a request sees when its pooled connection died under it (the
 * transaction's clean-up fails on the closed connection and replaces the original failure). That one is matched by
 * name because the HTTP kit, which the gateway also uses, does not depend on Micronaut Data.
 */
@Singleton
public class DatabaseUnavailable {

    public static final String PROBLEM = "service-unavailable";
    private static final String DATA_CONNECTION_EXCEPTION = "io.micronaut.data.connection.exceptions.ConnectionException";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final Problems problems;
    private final long retryAfterSeconds;

    public DatabaseUnavailable(Problems problems,
                               @Value("${dsr.http.database-outage.retry-after:5s}") Duration retryAfter) {
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** True when the failure means the database cannot be reached now. */
    public static boolean isCauseOf(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionLost(sql.getSQLState())) {
                return true;
            }
            // Exactly that class: its subclass NoConnectionException is a programming error (no transaction open).
            if (cause.getClass().getName().equals(DATA_CONNECTION_EXCEPTION)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean isConnectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, Throwable failure) {
        // One short line per refused request: the outage itself shows in readiness and in Hikari's own log.
        LOG.warn("Database unavailable, answered 503 to {} {} ({})", request.getMethod(), request.getPath(),
                failure.getClass().getSimpleName());
        return problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE,
                        new RequestRefused(HttpStatus.SERVICE_UNAVAILABLE, PROBLEM, "Service unavailable",
                                "The service cannot reach its database just now; nothing was changed. Try again shortly.",
                                null), List.of())
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }
}
