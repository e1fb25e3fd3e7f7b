package org.opendsr.reporting.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.reporting.snapshots.application.MonthEndCuts;
import org.opendsr.reporting.snapshots.domain.Cut;
import org.opendsr.testkit.DsrTestEnvironment;

/** Two replicas sweeping at the same moment cut each month once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCutsTest implements TestPropertyProvider {

    @Inject
    MonthEndCuts cuts;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        properties.put("dsr.reporting.snapshots.schedule-enabled", "false");
        return properties;
    }

    @Test
    void twoConcurrentSweepsCutEachMonthOnce() throws Exception {
        StoreFacts store = new StoreFacts(transactions);
        for (int month = 1; month <= 6; month++) {
            for (int i = 0; i < 20; i++) {
                store.fact("REFERRAL_RECEIVED", store.person(), YearMonth.of(2026, month).atDay(10)).add();
            }
        }
        Instant now = Instant.parse("2026-07-01T00:00:00Z");
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<Cut>> sweep = () -> {
            start.await();
            return cuts.cutDue(now);
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<List<Cut>> first = replicas.submit(sweep);
            Future<List<Cut>> second = replicas.submit(sweep);
            start.countDown();
            List<YearMonth> cut = new ArrayList<>();
            first.get(60, TimeUnit.SECONDS).forEach(c -> cut.add(c.month()));
            second.get(60, TimeUnit.SECONDS).forEach(c -> cut.add(c.month()));

            assertThat(cut).as("each month cut by one of them").containsExactlyInAnyOrder(
                    YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4),
                    YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        } finally {
            replicas.shutdownNow();
        }
        assertThat(store.number("SELECT count(*) FROM snapshot")).isEqualTo(6);
        assertThat(store.number("SELECT count(DISTINCT month) FROM snapshot_cell")).isEqualTo(6);
        assertThat(store.number("SELECT sum(count) FROM snapshot_cell "
                + "WHERE measure = 'referrals-received' AND dimension = 'TOTAL'")).isEqualTo(120);
    }
}
