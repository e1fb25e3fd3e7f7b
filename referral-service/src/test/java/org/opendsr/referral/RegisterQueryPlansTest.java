package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.sql.StatementLog;
import org.opendsr.testkit.TestTokens;

/**
 * The plans PostgreSQL chooses for the statements the service really sends (captured through its data source) over
 * a register of thousands: a professional's access check finds a referral's register entry by index, and a register
 * page is read in the listing's order and stops at its last line instead of sorting everyone. Plans, not timings:
 * the same on any machine for the same rows and statistics.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterQueryPlansTest extends ReferralServiceUnderTest {

    private static final int PEOPLE = 6000;

    @Inject
    StatementLog log;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("dsr.test.count-statements", "true");
        return properties;
    }

    /** Thousands of people, each referred; two in three on the register, one in six removed from it, the rest waiting. */
    @BeforeAll
    void aRegisterOfThousands() {
        sql("INSERT INTO person (id, given_name, family_name, date_of_birth, postcode, locality, created_at, updated_at)"
                + " SELECT md5('p' || i)::uuid, 'Given' || i, 'Family' || (i % 997), DATE '2010-01-01' + (i % 3000),"
                + " 'SN1 2JH', 'SWINDON', now(), now() FROM generate_series(1, " + PEOPLE + ") i");
        sql("INSERT INTO referral (id, person_id, route, status, reason_for_referral, current_issues, referred_by,"
                + " received_at, first_contact_due_on, complete)"
                + " SELECT md5('r' || i)::uuid, md5('p' || i)::uuid, 'PROFESSIONAL',"
                + " CASE WHEN i % 3 = 0 THEN 'RECEIVED' ELSE 'ACCEPTED' END, 'Reason', 'Issues',"
                + " 'referrer' || (i % 50) || '@example.nhs', now(), current_date + 5, true"
                + " FROM generate_series(1, " + PEOPLE + ") i");
        sql("INSERT INTO register_entry (id, person_id, referral_id, on_register_from, responsible_professional,"
                + " unallocated_since, removed_at, removal_reason)"
                + " SELECT md5('e' || i)::uuid, md5('p' || i)::uuid, md5('r' || i)::uuid, now(), 'pro' || (i % 40),"
                + " NULL, CASE WHEN i % 6 = 1 THEN now() END, CASE WHEN i % 6 = 1 THEN 'STEPPED_DOWN' END"
                + " FROM generate_series(1, " + PEOPLE + ") i WHERE i % 3 <> 0");
        // Their care teams as the kit holds them (issue 11): every access decision and DSR list reads these.
        sql("INSERT INTO dsr_kit.care_team (person_id, area, changed_at)"
                + " SELECT md5('p' || i)::uuid, 'SWINDON', now() FROM generate_series(1, " + PEOPLE + ") i");
        sql("INSERT INTO dsr_kit.care_team_member (person_id, membership_id, subject, role, from_at)"
                + " SELECT md5('p' || i)::uuid, md5('m' || i)::uuid, 'referrer' || (i % 50) || '@example.nhs',"
                + " 'REFERRER', now() FROM generate_series(1, " + PEOPLE + ") i");
        sql("ANALYZE person; ANALYZE referral; ANALYZE register_entry; ANALYZE dsr_kit.care_team;"
                + " ANALYZE dsr_kit.care_team_member");
    }

    @Test
    void aProfessionalsAccessCheckReadsThePersonsCareTeamByIndex() {
        String professional = "plans.referrer@example.nhs";
        String token = TestTokens.get().tokenFor(professional, DsrRoles.PROFESSIONAL);
        JsonNode receipt = journeys.refer(token, ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(receipt.get("referralId").asText());
        String personId = receipt.get("personId").asText();
        String correlationId = "plans-" + UUID.randomUUID();

        assertThat(api.get("/people/" + personId, token, Map.of("X-Correlation-Id", correlationId)).status())
                .isEqualTo(200);
        // Issue 11: the decision is NeedToKnow's, from the kit's copy of the person's care team.
        String check = sent(correlationId, "FROM dsr_kit.care_team t LEFT JOIN dsr_kit.care_team_member m");

        String plan = plan(check, "'" + personId + "'");
        assertThat(plan).contains("care_team_pkey").doesNotContain("Seq Scan on care_team ")
                .doesNotContain("Seq Scan on care_team_member");
    }

    @Test
    void aRegisterPageIsReadInListingOrderAndStopsAtItsLastLine() {
        String correlationId = "plans-" + UUID.randomUUID();
        JsonNode page = api.get("/register?size=20", journeys.dsrTeam(), Map.of("X-Correlation-Id", correlationId))
                .json();
        assertThat(page.get("items")).hasSize(20);
        String listing = sent(correlationId, "WITH page AS");

        // The DSR team's scope (issue 11: its areas, or its own care-team places), the page's LIMIT, the scope again
        // for the total.
        String[] scope = {"ARRAY['SWINDON','WILTSHIRE','BATH_AND_NORTH_EAST_SOMERSET']",
                "'" + Journeys.DSR_TEAM_MEMBER + "'", "now()", "now()"};
        List<String> parameters = new java.util.ArrayList<>(List.of(scope));
        parameters.add("21");
        parameters.addAll(List.of(scope));
        String plan = plan(listing, parameters.toArray(String[]::new));
        java.util.regex.Matcher ordered = java.util.regex.Pattern
                .compile("Index Scan using person_listing_order on person p \\(actual rows=(\\d+)").matcher(plan);
        assertThat(ordered.find()).as("the page is read in order through the index, not everyone sorted").isTrue();
        assertThat(Integer.parseInt(ordered.group(1))).as("people read for a page of 20 out of " + PEOPLE)
                .isLessThan(100);
        assertThat(plan).as("the latest removal of a line: by index")
                .contains("Index Scan Backward using register_entry_person on register_entry x");
    }

    private String sent(String correlationId, String part) {
        List<String> found = log.of(correlationId).stream().map(StatementLog.Call::sql)
                .filter(sql -> sql.contains(part)).toList();
        assertThat(found).as("the service sent the statement").isNotEmpty();
        return found.get(0);
    }

    /** The plan of the statement with its parameters as given (the listing page's LIMIT and OFFSET, say). */
    private String plan(String statement, String... parameters) {
        String sql = statement;
        for (String parameter : parameters) {
            sql = sql.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(parameter));
        }
        assertThat(sql).as("every parameter given").doesNotContain("?");
        StringBuilder plan = new StringBuilder();
        try (Connection connection = connect(); Statement explain = connection.createStatement();
             ResultSet lines = explain.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Printed for the README's evidence; asserted on the plan's shape only.
        System.out.println("PLAN of " + statement + "\n" + plan);
        return plan.toString();
    }

    private void sql(String statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
    }
}
