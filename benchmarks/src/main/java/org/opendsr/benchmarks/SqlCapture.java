package org.opendsr.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.opendsr.local.LocalDsr;

/**
 * Captures the SQL one referral runs, from referral-service itself: turns on PostgreSQL's statement log for the
 * moment one referral is made ({@code ALTER SYSTEM} and a configuration reload, which every open session picks up,
 * the service's pooled connections included), then turns it off again and reads that referral's transaction (the
 * one that inserted the referral row) with its parameters from the server's log file.
 */
final class SqlCapture {

    /** The statement that marks the referral's transaction: its insert into the referral table. */
    static final Pattern REFERRAL_INSERT = Pattern.compile("(?i)insert\\s+into\\s+(?:\"?\\w+\"?\\.)?\"?referral\"?\\s*\\(");
    static final String REFERRAL_DATABASE = "referral";

    private SqlCapture() {
    }

    /**
     * @param serverLog   the PostgreSQL server's log file
     * @param oneReferral makes exactly one referral and returns once it is answered
     * @return the statements of the referral's transaction, without BEGIN/COMMIT; empty if none were found
     */
    static Optional<List<CapturedStatement>> capture(LocalDsr dsr, Path serverLog, Callable<?> oneReferral) throws Exception {
        long offset = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        try (Connection admin = DriverManager.getConnection(dsr.jdbcUrl("postgres"), dsr.postgresUsername(),
                dsr.postgresPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_line_prefix = '" + PostgresStatementLog.LINE_PREFIX + "'");
            statement.execute("ALTER SYSTEM SET log_statement = 'all'");
            statement.execute("SELECT pg_reload_conf()");
            try {
                Thread.sleep(500); // each backend rereads the configuration at its next command
                oneReferral.call();
                Thread.sleep(500);
            } finally {
                statement.execute("ALTER SYSTEM RESET log_statement");
                statement.execute("ALTER SYSTEM RESET log_line_prefix");
                statement.execute("SELECT pg_reload_conf()");
            }
        }
        return PostgresStatementLog.transactionOf(readFrom(serverLog, offset), REFERRAL_DATABASE, REFERRAL_INSERT);
    }

    private static String readFrom(Path file, long offset) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalStateException("PostgreSQL's log " + file + " does not exist");
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, in.length() - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** How the captured statements read, one line each, for the results (SQL only: parameters are personal data). */
    static List<String> describe(List<CapturedStatement> statements) {
        return statements.stream().map(statement -> statement.sql().replaceAll("\\s+", " ")).toList();
    }

}
