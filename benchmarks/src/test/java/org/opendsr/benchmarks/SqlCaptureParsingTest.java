package org.opendsr.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Reading a referral's transaction out of PostgreSQL's statement log, and making it replayable by JDBC. */
class SqlCaptureParsingTest {

    private static final String P = PostgresStatementLog.MARKER;

    /** What PostgreSQL writes ("Parameters" from 17, "parameters" before) with log_statement = 'all' and the capture's prefix, interleaved with the relay. */
    private static final String LOG = String.join("\n",
            "2026-12-04 14:00:00.000 UTC [123] LOG:  received SIGHUP, reloading configuration files",
            P + "|referral|501|7/12|LOG:  execute <unnamed>: BEGIN",
            P + "|referral|501|7/12|LOG:  execute S_1: SELECT id, date_of_birth FROM person WHERE date_of_birth = $1",
            P + "|referral|501|7/12|DETAIL:  parameters: $1 = '2011-06-15'",
            P + "|referral|502|8/3|LOG:  execute S_9: SELECT id FROM dsr_kit.outbox_event ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
            P + "|referral|502|8/3|DETAIL:  parameters: $1 = '100'",
            P + "|referral|501|7/12|LOG:  execute <unnamed>: INSERT INTO \"referral\" (\"id\", \"reason\", \"note\")",
            "\tVALUES ($1, $2, $3)",
            P + "|referral|501|7/12|DETAIL:  Parameters: $1 = '6f1c1f43-3a51-4b55-9f00-2f1cf1f6a0aa', "
                    + "$2 = 'it''s getting worse, $3 = ''x''', $3 = NULL",
            P + "|consent|601|9/1|LOG:  execute <unnamed>: INSERT INTO referral (id) VALUES ($1)",
            P + "|consent|601|9/1|DETAIL:  parameters: $1 = '1'",
            P + "|referral|501|7/12|LOG:  execute <unnamed>: INSERT INTO dsr_kit.outbox_event (id, payload) VALUES ($1, $2)",
            P + "|referral|501|7/12|DETAIL:  parameters: $1 = '0b1d7a51-6f42-4a8e-b0a4-6f3a0c4c2d11', "
                    + "$2 = '{\"referralId\":\"6f1c1f43-3a51-4b55-9f00-2f1cf1f6a0aa\"}'",
            P + "|referral|501|7/12|LOG:  execute S_2: COMMIT",
            P + "|referral|501|7/13|LOG:  execute S_1: SELECT id, date_of_birth FROM person WHERE date_of_birth = $1",
            P + "|referral|501|7/13|DETAIL:  parameters: $1 = '2011-06-14'",
            "");

    @Test
    void theReferralsTransactionIsItsStatementsOnItsBackendAndVirtualTransactionOnly() {
        List<CapturedStatement> statements = PostgresStatementLog.transactionOf(LOG, "referral", SqlCapture.REFERRAL_INSERT)
                .orElseThrow();

        assertThat(statements).extracting(CapturedStatement::sql).containsExactly(
                "SELECT id, date_of_birth FROM person WHERE date_of_birth = $1",
                "INSERT INTO \"referral\" (\"id\", \"reason\", \"note\")\nVALUES ($1, $2, $3)",
                "INSERT INTO dsr_kit.outbox_event (id, payload) VALUES ($1, $2)");
        assertThat(statements.get(0).parameters()).containsExactly("2011-06-15");
    }

    @Test
    void parameterValuesKeepQuotesCommasAndNulls() {
        CapturedStatement insert = PostgresStatementLog.transactionOf(LOG, "referral", SqlCapture.REFERRAL_INSERT)
                .orElseThrow().get(1);

        assertThat(insert.parameters()).containsExactly("6f1c1f43-3a51-4b55-9f00-2f1cf1f6a0aa",
                "it's getting worse, $3 = 'x'", null);
    }

    @Test
    void noReferralInsertMeansNothingCaptured() {
        assertThat(PostgresStatementLog.transactionOf(LOG, "referral", Pattern.compile("DELETE FROM nowhere"))).isEmpty();
        assertThat(PostgresStatementLog.transactionOf("", "referral", SqlCapture.REFERRAL_INSERT)).isEmpty();
    }

    @Test
    void placeholdersBecomeQuestionMarksInOrderOutsideQuotedText() {
        CapturedStatement statement = new CapturedStatement(
                "UPDATE t SET a = $2, b = '$1 stays', \"c$1\" = $1 WHERE d = $2", Arrays.asList("one", "two"));

        CapturedStatement.Jdbc jdbc = statement.forJdbc();

        assertThat(jdbc.sql()).isEqualTo("UPDATE t SET a = ?, b = '$1 stays', \"c$1\" = ? WHERE d = ?");
        assertThat(jdbc.values()).containsExactly("two", "one", "two");
    }

    @Test
    void aPlaceholderWithoutALoggedValueIsRefused() {
        assertThatThrownBy(() -> new CapturedStatement("SELECT $2", List.of("one")).forJdbc())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transactionControlIsLeftToTheReplay() {
        assertThat(new CapturedStatement("COMMIT", List.of()).isTransactionControl()).isTrue();
        assertThat(new CapturedStatement("begin", List.of()).isTransactionControl()).isTrue();
        assertThat(new CapturedStatement("SELECT 1", List.of()).isTransactionControl()).isFalse();
    }

    @Test
    void replayedValuesHaveFreshIdsConsistentWithinATransactionAndAnotherPersonsDetails() {
        String referralId = "6f1c1f43-3a51-4b55-9f00-2f1cf1f6a0aa";
        int captured = 7;
        List<List<String>> values = List.of(
                Arrays.asList(referralId, ReferralSample.givenName(captured), ReferralSample.dateOfBirth(captured), null),
                List.of("{\"referralId\":\"" + referralId.toUpperCase() + "\"}", "9990000026", "SWINDON",
                        "date-of-birth:" + ReferralSample.dateOfBirth(captured)));
        FreshValues fresh = new FreshValues(captured);

        List<List<String>> first = fresh.forReferral(values, 100);
        List<List<String>> second = fresh.forReferral(values, 101);

        String newId = first.get(0).get(0);
        assertThat(UUID.fromString(newId)).isNotNull();
        assertThat(newId).isNotEqualTo(referralId).isNotEqualTo(second.get(0).get(0));
        assertThat(first.get(1).get(0)).as("the same id inside a payload").isEqualTo("{\"referralId\":\"" + newId + "\"}");
        assertThat(first.get(0).get(1)).isEqualTo(ReferralSample.givenName(100));
        assertThat(first.get(0).get(2)).isEqualTo(ReferralSample.dateOfBirth(100));
        assertThat(first.get(0).get(3)).isNull();
        assertThat(first.get(1).get(1)).hasSize(10).isNotEqualTo("9990000026").isNotEqualTo(second.get(1).get(1));
        assertThat(first.get(1).get(2)).isEqualTo("SWINDON");
        assertThat(first.get(1).get(3)).as("the advisory lock's key").isEqualTo("date-of-birth:" + ReferralSample.dateOfBirth(100));
    }
}
