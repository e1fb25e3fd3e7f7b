package org.opendsr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statements PostgreSQL logged with {@code log_statement = 'all'} and the benchmark's
 * {@link #LINE_PREFIX} ({@code %d} database, {@code %p} backend pid, {@code %v} virtual transaction id), so that one
 * transaction's statements, with their parameters, can be told apart from everything else the server ran meanwhile.
 *
 * <p>Each log message starts with the prefix; the lines of a multi-line message after the first start with a tab
 * (PostgreSQL's stderr format). A statement is {@code LOG:  execute <name>: SQL} (extended protocol) or
 * {@code LOG:  statement: SQL} (simple protocol); its parameters follow in {@code DETAIL:  Parameters: $1 = '...',
 * $2 = NULL} (lower-case "parameters" before PostgreSQL 17) with quotes inside a value doubled.
 */
final class PostgresStatementLog {

    static final String MARKER = "dsrcapture";
    static final String LINE_PREFIX = MARKER + "|%d|%p|%v|";

    private static final Pattern MESSAGE = Pattern.compile(
            "^" + MARKER + "\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|(LOG|DETAIL):\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern STATEMENT = Pattern.compile("^(?:execute [^:]*|statement): (.*)$", Pattern.DOTALL);
    /** "parameters: " up to PostgreSQL 16, "Parameters: " from 17. */
    private static final String PARAMETERS = "parameters: ";
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (?:NULL|'((?:[^']|'')*)')");

    /** A statement and where it ran. */
    record Logged(String database, String pid, String virtualTransaction, CapturedStatement statement) {
    }

    private PostgresStatementLog() {
    }

    /** Every statement in the log text, with its parameters, in the order they ran. */
    static List<Logged> statements(String logText) {
        List<Logged> statements = new ArrayList<>();
        for (String message : messages(logText)) {
            Matcher line = MESSAGE.matcher(message);
            if (!line.matches()) {
                continue;
            }
            String database = line.group(1);
            String pid = line.group(2);
            String transaction = line.group(3);
            String body = line.group(5);
            if (line.group(4).equals("LOG")) {
                Matcher statement = STATEMENT.matcher(body);
                if (statement.matches()) {
                    statements.add(new Logged(database, pid, transaction,
                            new CapturedStatement(statement.group(1).strip(), List.of())));
                }
            } else if (body.regionMatches(true, 0, PARAMETERS, 0, PARAMETERS.length()) && !statements.isEmpty()) {
                Logged last = statements.get(statements.size() - 1);
                if (last.pid().equals(pid)) {
                    statements.set(statements.size() - 1, new Logged(last.database(), pid, last.virtualTransaction(),
                            new CapturedStatement(last.statement().sql(), parameters(body.substring(PARAMETERS.length())))));
                }
            }
        }
        return statements;
    }

    /**
     * The statements of the transaction, in one database, that ran a statement matching {@code marker}, without the
     * transaction control around them; empty if no statement matched.
     */
    static Optional<List<CapturedStatement>> transactionOf(String logText, String database, Pattern marker) {
        List<Logged> all = statements(logText);
        Optional<Logged> found = all.stream()
                .filter(logged -> logged.database().equals(database))
                .filter(logged -> marker.matcher(logged.statement().sql()).find())
                .findFirst();
        return found.map(first -> all.stream()
                .filter(logged -> logged.database().equals(database) && logged.pid().equals(first.pid())
                        && logged.virtualTransaction().equals(first.virtualTransaction()))
                .map(Logged::statement)
                .filter(statement -> !statement.isTransactionControl())
                .toList());
    }

    /** "$1 = 'a', $2 = NULL, $3 = 'it''s'" -> [a, null, it's], by placeholder number. */
    static List<String> parameters(String text) {
        Map<Integer, String> byNumber = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(text);
        int max = 0;
        while (parameter.find()) {
            int number = Integer.parseInt(parameter.group(1));
            byNumber.put(number, parameter.group(2) == null ? null : parameter.group(2).replace("''", "'"));
            max = Math.max(max, number);
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            values.add(byNumber.get(i));
        }
        return values;
    }

    /** Joins each message's continuation lines (tab-led) to it, dropping the tab PostgreSQL put there. */
    private static List<String> messages(String logText) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = null;
        for (String line : logText.split("\n", -1)) {
            if (line.startsWith("\t") && current != null) {
                current.append('\n').append(line.substring(1));
            } else {
                if (current != null) {
                    messages.add(current.toString());
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null && !current.isEmpty()) {
            messages.add(current.toString());
        }
        return messages;
    }
}
