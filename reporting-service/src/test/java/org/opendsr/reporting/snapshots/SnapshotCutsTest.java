package org.opendsr.reporting.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.reporting.snapshots.StoreFacts.totalCount;

import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.reporting.snapshots.application.MonthEndCuts;
import org.opendsr.reporting.snapshots.domain.Cut;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * The month-end cut on real PostgreSQL: flows counted in the month they arrive, late facts counted in the next month
 * cut and listed as restatements of their own month, frozen months never changing, and the snapshot tables refusing
 * every change. The cuts are run at chosen instants ({@link MonthEndCuts#cutDue}); the schedule is off.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotCutsTest implements TestPropertyProvider {

    private static final Measure RECEIVED = Measure.REFERRALS_RECEIVED;
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Inject
    MonthEndCuts cuts;

    @Inject
    MonthFigures figures;

    @Inject
    TransactionOperations<Connection> transactions;

    private StoreFacts store;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        properties.put("dsr.reporting.snapshots.schedule-enabled", "false");
        return properties;
    }

    /** August is cut before any test: one referral in it. */
    @BeforeAll
    void cutAugust() {
        store = new StoreFacts(transactions);
        store.fact("REFERRAL_RECEIVED", store.person(), AUGUST.atDay(10)).add();
        // August ends at 23:00 UTC on the 31st (midnight BST); an hour later it is cut.
        assertThat(months(cuts.cutDue(Instant.parse("2026-08-31T23:59:59Z")))).isEmpty();
        assertThat(months(cuts.cutDue(Instant.parse("2026-09-01T00:00:00Z")))).containsExactly(AUGUST);
    }

    @Test
    void lateFactsAreCountedWhenTheyArriveAndRestatedWhileFrozenMonthsNeverChange() {
        byte[] joined = store.person();
        store.fact("REFERRAL_ACCEPTED", joined, SEPTEMBER.atDay(3)).add();
        store.fact("RATING", joined, SEPTEMBER.atDay(3)).code("RED").add();
        for (int i = 0; i < 8; i++) {
            store.fact("REFERRAL_RECEIVED", store.person(), SEPTEMBER.atDay(1 + i)).add();
        }
        MonthCells septemberLive = figures.of(SEPTEMBER).orElseThrow();
        assertThat(septemberLive.provisional()).isTrue();
        assertThat(totalCount(septemberLive, RECEIVED, "ALL")).isEqualTo(8);

        assertThat(months(cuts.cutDue(Instant.parse("2026-10-01T00:00:00Z")))).containsExactly(SEPTEMBER);

        MonthCells september = figures.of(SEPTEMBER).orElseThrow();
        assertThat(september.provisional()).isFalse();
        assertThat(september.cutAt()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(september.cells()).as("the snapshot holds what was worked out").isEqualTo(septemberLive.cells());
        assertThat(totalCount(september, Measure.REGISTER_BY_RATING, "RED")).isEqualTo(1);

        // October: 12 referrals, and one that happened on 25 September but reached the DSR in October.
        for (int i = 0; i < 12; i++) {
            store.fact("REFERRAL_RECEIVED", store.person(), OCTOBER.atDay(5)).add();
        }
        store.fact("REFERRAL_RECEIVED", store.person(), SEPTEMBER.atDay(25)).arrived(OCTOBER).add();
        // A rating changed late (back-dated into September) does not change September's stock either.
        store.fact("RATING", joined, SEPTEMBER.atDay(20)).code("GREEN").arrived(OCTOBER).add();

        assertThat(figures.of(SEPTEMBER).orElseThrow()).as("frozen").isEqualTo(september);
        // Not yet: October ends at midnight GMT (the clocks went back on 25 October), cut an hour later.
        assertThat(months(cuts.cutDue(Instant.parse("2026-11-01T00:59:59Z")))).isEmpty();
        assertThat(months(cuts.cutDue(Instant.parse("2026-11-01T01:00:00Z")))).containsExactly(OCTOBER);

        MonthCells october = figures.of(OCTOBER).orElseThrow();
        assertThat(totalCount(october, RECEIVED, "ALL")).isEqualTo(13);
        assertThat(october.restatements()).containsExactly(new Restatement(RECEIVED, "ALL", SEPTEMBER, 1));
        assertThat(totalCount(october, Measure.REGISTER_BY_RATING, "GREEN")).isEqualTo(1);
        assertThat(figures.of(SEPTEMBER).orElseThrow()).as("frozen").isEqualTo(september);

        // Published in October (so it arrived in October) but applied after October was cut: November counts it.
        store.fact("REFERRAL_RECEIVED", store.person(), OCTOBER.atDay(31)).add();
        for (int i = 0; i < 7; i++) {
            store.fact("REFERRAL_RECEIVED", store.person(), NOVEMBER.atDay(2)).add();
        }
        assertThat(figures.of(OCTOBER).orElseThrow()).as("frozen").isEqualTo(october);
        MonthCells novemberLive = figures.of(NOVEMBER, EnumSet.of(RECEIVED)).orElseThrow();
        assertThat(novemberLive.provisional()).isTrue();
        assertThat(totalCount(novemberLive, RECEIVED, "ALL")).isEqualTo(8);
        assertThat(novemberLive.restatements()).containsExactly(new Restatement(RECEIVED, "ALL", OCTOBER, 1));

        assertThat(months(cuts.cutDue(Instant.parse("2026-12-01T01:00:00Z")))).containsExactly(NOVEMBER);
        assertThat(months(cuts.cutDue(Instant.parse("2026-12-01T01:00:00Z")))).as("idempotent").isEmpty();

        MonthCells november = figures.of(NOVEMBER).orElseThrow();
        assertThat(totalCount(november, RECEIVED, "ALL")).isEqualTo(8);
        assertThat(november.restatements()).containsExactly(new Restatement(RECEIVED, "ALL", OCTOBER, 1));
        assertThat(figures.of(NOVEMBER, EnumSet.of(RECEIVED)).orElseThrow().cells())
                .isEqualTo(november.cells().stream().filter(cell -> cell.measure() == RECEIVED).toList());
        assertThat(figures.of(OCTOBER).orElseThrow()).isEqualTo(october);
        assertThat(figures.of(SEPTEMBER).orElseThrow()).isEqualTo(september);
        assertThat(store.number("SELECT last_cut_seq FROM reporting_store_state"))
                .isEqualTo(store.number("SELECT max(seq) FROM reporting_fact"));

        // A year's report reads the months in one go: the same figures as month by month.
        List<MonthCells> months = figures.months(AUGUST, NOVEMBER, EnumSet.allOf(Measure.class));
        assertThat(months).containsExactly(figures.of(AUGUST).orElseThrow(), september, october, november);
    }

    @Test
    void aMonthBeforeTheFirstCutIsFinalAndEmpty() {
        MonthCells july = figures.of(YearMonth.of(2026, 7)).orElseThrow();

        assertThat(july.provisional()).isFalse();
        assertThat(july.cells()).isEmpty();
    }

    // ---- the snapshot tables refuse every change ------------------------------------------------------------------

    @Test
    void aSnapshotCannotBeUpdated() {
        assertRefused("UPDATE snapshot_cell SET count = count + 1 WHERE month = DATE '2026-08-01'");
        assertRefused("UPDATE snapshot SET cut_at = now() WHERE month = DATE '2026-08-01'");
        assertRefused("UPDATE snapshot_restatement SET count = 1");
    }

    @Test
    void aSnapshotCannotBeDeletedOrTruncated() {
        assertRefused("DELETE FROM snapshot_cell WHERE month = DATE '2026-08-01'");
        assertRefused("DELETE FROM snapshot_restatement");
        assertRefused("DELETE FROM snapshot WHERE month = DATE '2026-08-01'");
        assertRefused("TRUNCATE snapshot_cell");
        assertRefused("TRUNCATE snapshot_restatement");
        assertRefused("TRUNCATE snapshot CASCADE");
        assertThat(store.number("SELECT count(*) FROM snapshot_cell WHERE month = DATE '2026-08-01'")).isPositive();
    }

    @Test
    void aMonthAlreadyCutTakesNoMoreRows() {
        assertRefused("INSERT INTO snapshot_cell (month, measure, grp, dimension, category, count) "
                + "VALUES (DATE '2026-08-01', 'referrals-received', 'ALL', 'LOCALITY', 'OUT_OF_AREA', 1)");
        assertRefused("INSERT INTO snapshot_restatement (month, measure, grp, occurred_month, count) "
                + "VALUES (DATE '2026-08-01', 'referrals-received', 'ALL', DATE '2026-07-01', 1)");
        assertRefused("INSERT INTO snapshot (month, cut_at, last_seq) VALUES (DATE '2026-08-01', now(), 0)");
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> store.sql(sql)).as(sql).hasStackTraceContaining("ERROR");
    }

    private static List<YearMonth> months(List<Cut> cuts) {
        return cuts.stream().map(Cut::month).toList();
    }
}
