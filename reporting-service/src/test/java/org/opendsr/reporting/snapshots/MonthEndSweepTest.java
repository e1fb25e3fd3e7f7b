package org.opendsr.reporting.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.sweep.SweepingDueDates;
import org.opendsr.reporting.snapshots.domain.Cut;
import org.opendsr.reporting.snapshots.application.MonthEndCuts;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.TestTokens;

/**
 * The month-end sweep cuts a month only once it has ended in England and the cut-after margin (1 hour) has passed:
 * midnight BST is 23:00 UTC, midnight GMT is 00:00 UTC. A lead can run it now through the API once the (test) clock has
 * passed a month end; nobody else can.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthEndSweepTest implements TestPropertyProvider {

    private static final String CUTS = "/reports/snapshots/cuts";

    @Inject
    SweepingDueDates sweeping;

    @Inject
    MonthEndCuts cuts;

    @Inject
    MovableClock clock;

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        properties.put("dsr.reporting.snapshots.schedule-enabled", "false");
        return properties;
    }

    @Test
    void monthsAreCutAnHourAfterTheyEndInEnglandInSummerAndWinterTimeAndALeadCanCutNow() {
        StoreFacts store = new StoreFacts(transactions);
        store.fact("REFERRAL_RECEIVED", store.person(), YearMonth.of(2027, 3).atDay(30)).add();
        store.fact("REFERRAL_RECEIVED", store.person(), YearMonth.of(2027, 10).atDay(30)).add();
        store.fact("REFERRAL_RECEIVED", store.person(), YearMonth.of(2027, 11).atDay(30)).add();

        // March 2027 ends at midnight BST (clocks went forward on 28 March): 23:00 UTC on the 31st, cut at 00:00 UTC.
        assertThat(sweeping.sweepNow()).as("nothing due by the real clock yet").containsEntry("month-end-snapshots", 0);
        assertThat(sweepAt("2027-03-31T23:59:59Z")).isEmpty();
        assertThat(sweepAt("2027-04-01T00:00:00Z")).containsExactly(YearMonth.of(2027, 3));
        // October 2027 ends at midnight GMT (clocks went back on 31 October): cut at 01:00 UTC on 1 November. The
        // months between, with nothing in them, are cut on the way, in order.
        assertThat(sweepAt("2027-11-01T00:59:59Z")).containsExactly(YearMonth.of(2027, 4), YearMonth.of(2027, 5),
                YearMonth.of(2027, 6), YearMonth.of(2027, 7), YearMonth.of(2027, 8), YearMonth.of(2027, 9));
        assertThat(sweepAt("2027-11-01T01:00:00Z")).containsExactly(YearMonth.of(2027, 10));
        assertThat(sweepAt("2027-11-01T01:00:00Z")).isEmpty();

        // The lead's trigger reads the service's clock: moved past the end of November 2027 and its margin.
        ApiClient api = new ApiClient(server.getURL().toString());
        String lead = TestTokens.get().tokenFor("dsr.lead@bsw-icb.example", DsrRoles.DSR_LEAD);
        assertThat(api.post(CUTS, lead, Map.of()).json().get("cut")).as("nothing due yet").isEmpty();
        clock.advance(Duration.between(clock.instant(), Instant.parse("2027-12-01T01:00:00Z")));

        ApiResponse response = api.post(CUTS, lead, Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode cut = response.json().get("cut");
        assertThat(cut).hasSize(1);
        assertThat(cut.get(0).get("month").asText()).isEqualTo("2027-11");
        assertThat(cut.get(0).get("cells").asInt()).isPositive();
        assertThat(api.post(CUTS, lead, Map.of()).json().get("cut")).as("cut once").isEmpty();
        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.DSR_TEAM, DsrRoles.PROFESSIONAL)) {
            assertThat(api.post(CUTS, TestTokens.get().tokenFor("someone-" + role, role), Map.of()).status()).as(role)
                    .isEqualTo(403);
        }
        assertThat(api.post(CUTS, null, Map.of()).status()).isEqualTo(401);
    }

    private List<YearMonth> sweepAt(String instant) {
        return cuts.cutDue(Instant.parse(instant)).stream().map(Cut::month).toList();
    }
}
