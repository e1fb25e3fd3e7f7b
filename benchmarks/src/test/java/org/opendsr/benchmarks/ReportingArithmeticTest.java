package org.opendsr.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reporting phase's arithmetic only: nothing here starts, seeds or times anything. */
class ReportingArithmeticTest {

    @Test
    void countsOfNumbersByTheirRemainderBy100() {
        assertThat(ReportingHistory.countMod100(100, 0, 82)).isEqualTo(82);
        assertThat(ReportingHistory.countMod100(250, 0, 82)).isEqualTo(82 + 82 + 50); // 201..250: remainders 1..50
        assertThat(ReportingHistory.countMod100(250, 0, 1)).isEqualTo(2); // 100 and 200
        assertThat(ReportingHistory.countMod100(99, 94, 100)).isEqualTo(6); // 94..99
        assertThat(ReportingHistory.countMod100(0, 0, 100)).isZero();
    }

    @Test
    void theHistorysPlanHasExactlyTheFactsAskedFor() {
        ReportingHistory.Plan plan = ReportingHistory.Plan.of(100_000, 5_000_000);

        assertThat(plan.total()).isEqualTo(5_000_000);
        assertThat(plan.accepted() + plan.declined() + plan.withdrawn()).isEqualTo(100_000);
        assertThat(plan.accepted()).isEqualTo(82_000);
        assertThat(plan.firstContacts()).isEqualTo(94_000);
        assertThat(plan.leftRegister()).isEqualTo(8_000);
        assertThat(ReportingHistory.Plan.of(1_234, 98_765).total()).isEqualTo(98_765);
        assertThatThrownBy(() -> ReportingHistory.Plan.of(100_000, 200_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeightedPickIsACaseOverCumulativeShares() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("RED", 1.0);
        weights.put("AMBER", 3.0);
        weights.put(null, 4.0);

        assertThat(ReportingHistory.pick("r1", weights))
                .isEqualTo("CASE WHEN r1 < 0.125000 THEN 'RED' WHEN r1 < 0.500000 THEN 'AMBER' ELSE NULL END");
        assertThat(ReportingHistory.pickEvenly("r2", List.of("A", "B")))
                .isEqualTo("CASE WHEN r2 < 0.500000 THEN 'A' ELSE 'B' END");
    }

    @Test
    void theBacklogsCountsAddUpToTheEventsAskedFor() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("a", 1.0);
        shares.put("b", 1.0);
        shares.put("c", 1.0);

        assertThat(ReportingBacklog.counts(shares, 10)).containsEntry("a", 4).containsEntry("b", 3).containsEntry("c", 3);
        assertThat(ReportingBacklog.counts(ReportingBacklog.MIX, 200_000).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(200_000);
        assertThat(ReportingBacklog.liveGroupOf("dsr.referral.events")).isEqualTo("reporting-service.referral-events");
    }

    @Test
    void theRunReadsTheLastClosedMonthTheLastWholeQuarterAndTheLastWholeFinancialYear() {
        ReportingPhase.Periods december = ReportingPhase.Periods.before(YearMonth.of(2026, 12));
        assertThat(december.firstMonth()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(december.lastMonth()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(december.month()).isEqualTo("2026-11");
        assertThat(december.quarter()).isEqualTo("2026-Q3");
        assertThat(december.financialYear()).as("FY2026-27 reaches the open month").isEqualTo("FY2025-26");

        ReportingPhase.Periods october = ReportingPhase.Periods.before(YearMonth.of(2026, 10));
        assertThat(october.quarter()).as("September closes Q3").isEqualTo("2026-Q3");
        ReportingPhase.Periods february = ReportingPhase.Periods.before(YearMonth.of(2027, 2));
        assertThat(february.quarter()).isEqualTo("2026-Q4");
        assertThat(february.financialYear()).isEqualTo("FY2025-26");
        assertThat(ReportingPhase.Periods.before(YearMonth.of(2027, 4)).financialYear()).as("March closes FY2026-27")
                .isEqualTo("FY2026-27");
        assertThat(ReportingPhase.Periods.financialYear(YearMonth.of(2099, 4))).isEqualTo("FY2099-00");
    }

    @Test
    void ratiosAndTargetsOfTheReportingPhase() {
        Latencies report = Latencies.of(new long[] {10_000_000, 20_000_000, 30_000_000, 40_000_000});
        Latencies jdbc = Latencies.of(new long[] {2_000_000, 4_000_000, 6_000_000, 8_000_000});

        assertThat(ReportingPhase.ratio(report, jdbc, 50)).isEqualTo(5.0);
        assertThat(ReportingPhase.ratio(report, Latencies.of(new long[0]), 50)).isNaN();
        assertThat(ReportingPhase.meanOfMeasured(30_000, Double.NaN)).isEqualTo(30_000);
        assertThat(ReportingPhase.meanOfMeasured(20_000, 30_000)).isEqualTo(25_000);

        List<Targets.Target> targets = Targets.reporting(100, 19_999);
        assertThat(targets.get(0).met()).as("at the limit is met").isTrue();
        assertThat(targets.get(1).verdict()).isEqualTo("NOT met");
        assertThat(Targets.reporting(Double.NaN, 25_000).get(0).verdict()).isEqualTo("not measured");
    }

    @Test
    void theJourneyReadsTheIcbTotalCellOfReferralsReceived() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"period": "2026-12", "measures": [
                  {"id": "register-by-rating", "cells": [{"group": "ALL", "dimension": "TOTAL", "category": "ALL", "value": "5"}]},
                  {"id": "referrals-received", "cells": [
                    {"group": "ALL", "dimension": "LOCALITY", "category": "SWINDON", "value": "*"},
                    {"group": "ALL", "dimension": "TOTAL", "category": "ALL", "value": "2200"}]}]}
                """);

        assertThat(ReferralJourney.totalOf(json)).isEqualTo("2200");
    }
}
