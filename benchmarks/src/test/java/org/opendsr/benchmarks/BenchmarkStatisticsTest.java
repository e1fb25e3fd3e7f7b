package org.opendsr.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic behind the printed figures. Nothing here starts the system or times anything. */
class BenchmarkStatisticsTest {

    @Test
    void percentilesAreNearestRankOverMeasuredValues() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        Latencies latencies = Latencies.of(nanos);

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.minMillis()).isEqualTo(1.0);
        assertThat(latencies.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        Latencies latencies = Latencies.of(new long[] {30, 10, 20});

        assertThat(latencies.percentileNanos(1)).isEqualTo(10);
        assertThat(latencies.percentileNanos(50)).isEqualTo(20);
        assertThat(latencies.percentileNanos(95)).isEqualTo(30);
        assertThat(Latencies.of(new long[] {7}).percentileNanos(99)).isEqualTo(7);
    }

    @Test
    void negativeTimesAreKeptAndCounted() {
        Latencies latencies = Latencies.of(new long[] {-2, 5, -1, 8});

        assertThat(latencies.negatives()).isEqualTo(2);
        assertThat(latencies.percentileNanos(25)).isEqualTo(-2);
    }

    @Test
    void theCallersArrayIsNotSortedInPlace() {
        long[] nanos = {3, 1, 2};
        Latencies.of(nanos);

        assertThat(nanos).containsExactly(3, 1, 2);
    }

    @Test
    void percentilesOutsideTheRangeOrOfNothingAreRefused() {
        assertThatThrownBy(() -> Latencies.of(new long[] {1}).percentileNanos(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.of(new long[] {1}).percentileNanos(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.of(new long[0]).percentileNanos(50)).isInstanceOf(IllegalStateException.class);
        assertThat(Latencies.of(new long[0]).summary()).containsOnlyKeys("count");
    }

    @Test
    void theReportTotalExpectedIsTheDisclosureControlledCount() {
        assertThat(ReportDrain.publishedTotal(0)).isEqualTo("0");
        assertThat(ReportDrain.publishedTotal(1)).isEqualTo("*");
        assertThat(ReportDrain.publishedTotal(7)).isEqualTo("*");
        assertThat(ReportDrain.publishedTotal(8)).isEqualTo("10");
        assertThat(ReportDrain.publishedTotal(2297)).isEqualTo("2295");
        assertThat(ReportDrain.publishedTotal(2298)).isEqualTo("2300");
        assertThat(ReportDrain.publishedTotal(2300)).isEqualTo("2300");
        assertThat(ReportDrain.publishedTotal(2302)).isEqualTo("2300");
    }

    @Test
    void optionsHaveDefaultsAndRefuseNonsense() {
        assertThat(BenchmarkOptions.parse(List.of())).isEqualTo(new BenchmarkOptions(2000, 8, 300, false));
        assertThat(BenchmarkOptions.parse(List.of("--referrals", "500", "--concurrency", "4", "--no-build", "--keep-data")))
                .isEqualTo(new BenchmarkOptions(500, 4, 300, true));
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--referrals", "0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--concurrency"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--fast"))).isInstanceOf(IllegalArgumentException.class);
    }
}
