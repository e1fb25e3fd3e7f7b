package org.opendsr.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The targets' verdicts, the warm-up's settling rule and the per-thread CPU counters, without running anything. */
class TargetsAndWarmUpTest {

    private static Targets.Figures figures(double agency, double http, double stackReady) {
        return new Targets.Figures(agency, http, 150, 1000, 50, 4, 30, 5, 0.8, 25_000, 0.4, 2.5, stackReady);
    }

    private static Targets.Target named(List<Targets.Target> targets, String start) {
        return targets.stream().filter(target -> target.name().startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void ratioTargetsCompareWithTheBaselineOfTheSameRun() {
        List<Targets.Target> targets = Targets.evaluate(figures(1100, 400, 28));

        assertThat(named(targets, "agency-topic ingest").measured()).isEqualTo(1.1);
        assertThat(named(targets, "agency-topic ingest").met()).isTrue();
        assertThat(named(targets, "HTTP referrals").measured()).isEqualTo(0.4);
        assertThat(named(targets, "HTTP referrals").verdict()).isEqualTo("NOT met");
        assertThat(named(targets, "HTTP p95").measured()).isEqualTo(3.0);
        assertThat(named(targets, "HTTP p95").met()).as("at the limit is met").isTrue();
        assertThat(named(targets, "outbox write -> event p99 / tuned").measured()).isEqualTo(6.0);
        assertThat(named(targets, "outbox write -> event p99 / tuned").met()).isFalse();
    }

    @Test
    void absoluteTargetsCompareTheFigureWithTheLimit() {
        List<Targets.Target> targets = Targets.evaluate(figures(1100, 600, 41));

        assertThat(named(targets, "outbox write -> event on the topic p50").met()).isTrue();
        assertThat(named(targets, "outbox write -> event on the topic p99").met()).isFalse();
        assertThat(named(targets, "report caught up").met()).isTrue();
        assertThat(named(targets, "a consumer replaying").met()).isTrue();
        assertThat(named(targets, "CPU per referral: gateway").met()).isTrue();
        assertThat(named(targets, "CPU per referral: referral-service").met()).isFalse();
        Targets.Target ready = named(targets, "whole stack ready");
        assertThat(ready.met()).isFalse();
        assertThat(ready.ofLimit()).isCloseTo(41 / 30.0, within(1e-9));
        assertThat(targets).hasSize(11);
    }

    @Test
    void aFigureNotMeasuredIsNeitherMetNorFailed() {
        Targets.Target target = named(Targets.evaluate(figures(Double.NaN, 600, 20)), "agency-topic ingest");

        assertThat(target.met()).isFalse();
        assertThat(target.verdict()).isEqualTo("not measured");
        assertThat(target.asJson()).containsEntry("measured", null).containsEntry("verdict", "not measured");
    }

    @Test
    void compilationHasSettledWhenEveryBusyJvmCompilesLessThanTheThreshold() {
        Map<String, JitActivity.Ticks> settled = Map.of(
                "gateway", new JitActivity.Ticks(5, 100),
                "referral-service", new JitActivity.Ticks(9, 100),
                "risk-service", new JitActivity.Ticks(3, 4)); // nearly idle: its 75% is noise
        Map<String, JitActivity.Ticks> compiling = Map.of(
                "gateway", new JitActivity.Ticks(5, 100),
                "referral-service", new JitActivity.Ticks(40, 100));

        assertThat(JitActivity.settled(settled, 0.10, 20)).isTrue();
        assertThat(JitActivity.settled(compiling, 0.10, 20)).isFalse();
        assertThat(JitActivity.settled(Map.of(), 0.10, 20)).as("nothing measured is not settled").isFalse();
    }

    @Test
    void aCompilerThreadThatEndedNeverGivesANegativeShare() {
        Map<String, JitActivity.Ticks> window = JitActivity.between(
                Map.of("gateway", new JitActivity.Ticks(50, 100)), Map.of("gateway", new JitActivity.Ticks(30, 200)));

        assertThat(window.get("gateway").compilerShare()).isZero();
        assertThat(window.get("gateway").total()).isEqualTo(100);
    }

    @Test
    void cpuTicksAreReadAfterTheThreadNameWhateverItContains() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";

        assertThat(JitActivity.userPlusSystemTicks(stat)).isEqualTo(1290);
        assertThat(JitActivity.userPlusSystemTicks("7 (a) b) c) R 1 2 3 4 5 6 7 8 9 10 3 4 0")).isEqualTo(7);
        assertThat(JitActivity.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(JitActivity.isCompilerThread("kafka-producer-")).isFalse();
    }

    @Test
    void cpuMillisecondsPerReferralComeFromCoresTimesSeconds() {
        CpuMeter.Usage usage = new CpuMeter.Usage(10.0, Map.of("gateway", 0.5), 1.5);

        assertThat(usage.cpuMillisPer(1000).get("gateway")).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void agencyNhsNumbersAreInTheNeverIssuedRangeAndPassModulus11() {
        for (int i = 0; i < 50; i++) {
            String number = AgencyIngest.nextNhsNumber();
            assertThat(number).hasSize(10).startsWith("999");
            assertThat(AgencyIngest.modulus11CheckDigit(number.substring(0, 9)))
                    .isEqualTo(Character.digit(number.charAt(9), 10));
        }
        assertThat(AgencyIngest.modulus11CheckDigit("999000002")).isEqualTo(6); // the golden sample's 9990000026
    }

    @Test
    void pacedAndSettlingOptionsHaveDefaultsAndRefuseNonsense() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--paced-rate", "20", "--paced-seconds", "3",
                "--agency-events", "50", "--jit-settled", "0.2", "--warm-up-cap", "30", "--start-up"));

        assertThat(options.pacedReferrals()).isEqualTo(60);
        assertThat(options.agencyEvents()).isEqualTo(50);
        assertThat(options.jitSettledShare()).isEqualTo(0.2);
        assertThat(options.warmUpCapSeconds()).isEqualTo(30);
        assertThat(options.startUp()).isTrue();
        assertThat(BenchmarkOptions.parse(List.of()).pacedRate()).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--jit-settled", "1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
