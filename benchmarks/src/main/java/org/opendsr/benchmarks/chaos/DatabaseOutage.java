package org.opendsr.benchmarks.chaos;

import java.time.Duration;

import org.opendsr.local.LocalDsr;

/**
 * PostgreSQL stopped abruptly (connections cut, as in a crash) for a while, then started again. Meanwhile requests
 * must be answered 503 (promptly), and referral-service's readiness must answer DOWN within a second; afterwards
 * everything must recover without a restart.
 */
record DatabaseOutage(Duration down, Gateway gateway, String referralServiceUrl) implements Fault {

    private static final Duration READINESS_BOUND = Duration.ofSeconds(1);

    @Override
    public String name() {
        return "PostgreSQL stopped for " + down.toSeconds() + " s";
    }

    @Override
    public void inject(LocalDsr dsr, Ledger ledger, ChaosReport report) {
        ledger.open(FaultWindow.databaseDown());
        long stoppedAt = System.nanoTime();
        try {
            dsr.stopPostgres();
            AgencyPublisher.sleep(Math.min(2_000, down.toMillis()));
            probeReadiness(ledger, report);
            long remaining = down.toNanos() - (System.nanoTime() - stoppedAt);
            AgencyPublisher.sleep(Math.max(0, remaining / 1_000_000));
        } finally {
            try {
                dsr.startPostgres();
            } finally {
                ledger.close();
            }
        }
        report.restarted("postgresql", Duration.ofNanos(System.nanoTime() - stoppedAt));
    }

    private void probeReadiness(Ledger ledger, ChaosReport report) {
        long started = System.nanoTime();
        String outcome;
        try {
            int status = gateway.readiness(referralServiceUrl, READINESS_BOUND.plusSeconds(4));
            outcome = "answered " + status;
            if (status == 200) {
                ledger.slow("referral-service readiness answered UP (200) while PostgreSQL was down");
            }
        } catch (java.net.http.HttpTimeoutException e) {
            outcome = "no answer within " + READINESS_BOUND.plusSeconds(4).toSeconds() + " s";
        } catch (Exception e) {
            outcome = "failed: " + e.getClass().getSimpleName();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.readinessDuringOutage(outcome, seconds);
        if (seconds > READINESS_BOUND.toNanos() / 1e9) {
            ledger.slow(String.format("referral-service readiness during the outage: %s after %.1f s (bound %d s)",
                    outcome, seconds, READINESS_BOUND.toSeconds()));
        }
    }
}
