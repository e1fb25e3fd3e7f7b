package org.opendsr.benchmarks.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The traffic the faults happen under: referrals POSTed through the gateway and valid agency referrals published
 * on dsr.agency.inbound.wiltshire-council, each at a steady rate (open loop: a slow answer does not slow the stream, up to a cap of
 * requests in flight). Every answer goes into the ledger.
 */
final class SteadyStream implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 32;
    private static final long SLOW_DURING_OUTAGE_NANOS = 2_000_000_000L;

    private final Gateway gateway;
    private final AgencyPublisher publisher;
    private final AgencyEvents agencyEvents;
    private final Ledger ledger;
    private final ScheduledExecutorService pace = Executors.newScheduledThreadPool(2);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicInteger posted = new AtomicInteger();

    SteadyStream(Gateway gateway, AgencyPublisher publisher, AgencyEvents agencyEvents, Ledger ledger) {
        this.gateway = gateway;
        this.publisher = publisher;
        this.agencyEvents = agencyEvents;
        this.ledger = ledger;
    }

    void start(double referralsPerSecond, double agencyEventsPerSecond) {
        pace.scheduleAtFixedRate(this::postOne, 0, (long) (1_000_000 / referralsPerSecond), TimeUnit.MICROSECONDS);
        pace.scheduleAtFixedRate(() -> publisher.publish(agencyEvents.valid()), 0,
                (long) (1_000_000 / agencyEventsPerSecond), TimeUnit.MICROSECONDS);
    }

    int posted() {
        return posted.get();
    }

    private void postOne() {
        if (!inFlight.tryAcquire()) {
            return; // the system is not answering; the stream does not pile up threads
        }
        int index = posted.getAndIncrement();
        callers.execute(() -> {
            FaultWindow before = ledger.window();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = gateway.send("POST", RequestFuzzer.REFERRALS, "application/json",
                        RequestFuzzer.steadyReferral(index));
                ledger.answered("steady POST /api/referrals", response.statusCode(), before, "referral-service");
                if (response.statusCode() == 201) {
                    String id = Gateway.referralId(response.body());
                    if (id != null) {
                        ledger.acceptedReferralIds.add(id);
                    }
                }
                long took = System.nanoTime() - started;
                if ((before.isDatabaseOutage() || ledger.window().isDatabaseOutage()) && took > SLOW_DURING_OUTAGE_NANOS) {
                    ledger.slow(String.format("POST answered %d after %.1f s during the database outage",
                            response.statusCode(), took / 1e9));
                }
            } catch (IOException e) {
                ledger.noAnswer.incrementAndGet(); // connection refused while the gateway is down, or a timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.release();
            }
        });
    }

    @Override
    public void close() {
        pace.shutdownNow();
        callers.shutdown();
        try {
            callers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.flush();
    }
}
