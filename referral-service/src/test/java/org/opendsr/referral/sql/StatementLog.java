package org.opendsr.referral.sql;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Singleton;
import org.opendsr.kit.observability.CorrelationId;

/**
 * Every statement referral-service hands its JDBC driver while {@link CountingDataSources} is on, with the correlation
 * id and thread of the work that ran it: a test picks out one request's statements by the correlation id it sent.
 * Counted as the service sends them, not timed, so a count is the same on any machine.
 */
@Singleton
public class StatementLog {

    /** What went to the database: a statement (or a batch of them) or the end of a transaction. */
    public enum Kind { STATEMENT, BATCH, COMMIT, ROLLBACK }

    /**
     * One call that reached the database: {@code statements} is how many SQL statements it carried (a batch carries
     * each of its entries), and every call is one round trip.
     */
    public record Call(String correlationId, String thread, Kind kind, String sql, int statements) {
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    void add(Kind kind, String sql, int statements) {
        calls.add(new Call(CorrelationId.current().orElse(null), Thread.currentThread().getName(), kind, sql,
                statements));
    }

    /** The calls made for one piece of work, on the thread that first ran one for it (not a relay or consumer). */
    public List<Call> of(String correlationId) {
        List<Call> mine = calls.stream().filter(call -> correlationId.equals(call.correlationId())).toList();
        if (mine.isEmpty()) {
            return mine;
        }
        String thread = mine.get(0).thread();
        return mine.stream().filter(call -> Objects.equals(thread, call.thread())).toList();
    }

    public static int statements(List<Call> calls) {
        return calls.stream().mapToInt(Call::statements).sum();
    }

    public static int roundTrips(List<Call> calls) {
        return calls.size();
    }
}
