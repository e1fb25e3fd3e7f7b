package org.opendsr.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement a service ran, as PostgreSQL logged it: the SQL with its {@code $n} placeholders and the value of
 * each parameter as text ({@code null} for SQL NULL), in placeholder order ({@code $1} first).
 */
record CapturedStatement(String sql, List<String> parameters) {

    CapturedStatement {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /**
     * The statement for JDBC: each {@code $n} outside a quoted literal or identifier becomes {@code ?}, and the
     * values are listed in the order the question marks appear (a placeholder used twice gives its value twice).
     */
    Jdbc forJdbc() {
        StringBuilder sql = new StringBuilder();
        List<String> values = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < this.sql.length(); i++) {
            char c = this.sql.charAt(i);
            if (quote != 0) {
                sql.append(c);
                if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: the same state either way
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                sql.append(c);
            } else if (c == '$' && i + 1 < this.sql.length() && Character.isDigit(this.sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < this.sql.length() && Character.isDigit(this.sql.charAt(end))) {
                    end++;
                }
                int number = Integer.parseInt(this.sql.substring(i + 1, end));
                if (number < 1 || number > parameters.size()) {
                    throw new IllegalArgumentException("$" + number + " has no logged value (" + parameters.size()
                            + " logged) in: " + this.sql);
                }
                values.add(parameters.get(number - 1));
                sql.append('?');
                i = end - 1;
            } else {
                sql.append(c);
            }
        }
        return new Jdbc(sql.toString(), values);
    }

    /** SQL with {@code ?} placeholders and the values in their order. */
    record Jdbc(String sql, List<String> values) {
    }

    /** Transaction control the replay does itself (one transaction per referral). */
    boolean isTransactionControl() {
        String first = sql.strip().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT).replace(";", "");
        return List.of("BEGIN", "COMMIT", "ROLLBACK", "START", "END", "SAVEPOINT", "RELEASE").contains(first);
    }
}
