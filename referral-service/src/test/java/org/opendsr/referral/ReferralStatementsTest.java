package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.sql.StatementLog;
import org.opendsr.testkit.TestTokens;

/**
 * What a new person's professional referral costs the database, counted (not timed) through the service's own data
 * source: every statement and round trip the request's transaction sends, picked out by its correlation id. The
 * referral is the hot path of the DSR; each statement here is a round trip under a lock and in the commit's way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralStatementsTest extends ReferralServiceUnderTest {

    @Inject
    StatementLog log;

    @Inject
    ApplicationContext context;

    private String referrer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("dsr.test.count-statements", "true");
        return properties;
    }

    @BeforeAll
    void signInAndWarmUp() {
        referrer = TestTokens.get().tokenFor("statements.referrer@example.nhs", DsrRoles.PROFESSIONAL);
        // The first referral after start also reads the stored bank holidays (again every few minutes): not counted.
        refer(ReferralRequests.aReferralOfSomeoneNew().body());
    }

    /** As the benchmark refers: no NHS number, contacts or key professionals; under 25, so a keyworker is suggested. */
    @Test
    void aNewPersonsBareReferralRunsAtMostTenStatementsInElevenRoundTrips() {
        List<StatementLog.Call> calls = refer(ReferralRequests.aReferralOfSomeoneNew().without("nhsNumber").body());

        // The person, the date-of-birth lock and the duplicate search, the referral, the person's care team (the kit's
        // copy and its event: issue 11; nothing is read back for someone new), its audit entries (one statement), the
        // event, the keyworker suggestion and its event; then the commit. It was 11 statements in 12 round trips
        // before issue 10, 8 in 9 after it.
        assertThat(StatementLog.statements(calls)).as(describe(calls)).isLessThanOrEqualTo(10);
        assertThat(StatementLog.roundTrips(calls)).as(describe(calls)).isLessThanOrEqualTo(11);
        assertThat(calls).as("a brand-new person has nothing to delete").noneMatch(call -> call.sql().startsWith("DELETE"));
        assertThat(calls).as("the duplicate search reads what matching compares, not whole records")
                .anyMatch(call -> call.sql().startsWith("SELECT id, given_name, family_name, nhs_number FROM person"));
    }

    /** With an NHS number, two contacts and a key professional: each table is written once, whatever the rows. */
    @Test
    void aNewPersonsFullReferralWritesEachTableOnce() {
        List<StatementLog.Call> calls = refer(ReferralRequests.aReferralOfSomeoneNew()
                .with("contacts", List.of(
                        Map.of("relationship", "PERSON", "phone", "07700 900456"),
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Jo Quince", "phone", "07700 900457",
                                "hasParentalResponsibility", true)))
                .with("keyProfessionals", List.of(Map.of("name", "Alex Moor", "role", "Social worker",
                        "organisation", "Swindon Borough Council", "email", "alex.moor@example.org")))
                .body());

        // As the bare referral, with the NHS number's lock and look-up, and one statement each for the contacts and the
        // key professionals. It was 17 statements (two DELETEs, a row a statement) in 16 round trips.
        assertThat(StatementLog.statements(calls)).as(describe(calls)).isLessThanOrEqualTo(14);
        assertThat(StatementLog.roundTrips(calls)).as(describe(calls)).isLessThanOrEqualTo(15);
        assertThat(calls).as("a brand-new person has nothing to delete").noneMatch(call -> call.sql().startsWith("DELETE"));
        assertThat(calls.stream().filter(call -> call.sql().startsWith("INSERT INTO person_contact")))
                .as("both contacts in one statement").singleElement();
    }

    @Test
    void batchedInsertsReachTheDatabaseAsMultiRowInserts() {
        // Text, as the driver reads its properties (Properties.getProperty ignores anything else).
        assertThat(context.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"))
                .getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    private List<StatementLog.Call> refer(Map<String, Object> body) {
        String correlationId = "statements-" + UUID.randomUUID();
        assertThat(api.post("/referrals", referrer, body, Map.of("X-Correlation-Id", correlationId)).status())
                .isEqualTo(201);
        List<StatementLog.Call> calls = log.of(correlationId);
        assertThat(calls).as("the request's statements were counted").isNotEmpty();
        return calls;
    }

    private static String describe(List<StatementLog.Call> calls) {
        StringBuilder text = new StringBuilder("statements " + StatementLog.statements(calls) + ", round trips "
                + StatementLog.roundTrips(calls) + ":");
        calls.forEach(call -> text.append("\n  ").append(call.kind()).append(" x").append(call.statements())
                .append(": ").append(call.sql()));
        return text.toString();
    }
}
