package org.opendsr.reporting.store.adapters.health;

import java.util.Map;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.opendsr.reporting.store.application.RebuildingTheStore;
import org.reactivestreams.Publisher;

/**
 * {@link #STORE_HELD} while a failed or stalled rebuild holds the store (the rebuilding flag stays set on purpose: live
 * listeners hold off and month-end cuts are skipped until a rebuild finishes), so that it is seen: start a new rebuild.
 * Not DOWN: readiness would then answer 503 on every replica and the gateway could reach neither the frozen reports
 * nor the rebuild that mends it. An operational status of its own shows on /health and keeps the service in service.
 */
@Singleton
public class StoreRebuildHealthIndicator implements HealthIndicator {

    static final String NAME = "reporting-store";

    /** Operational (HTTP 200), but named, so that a dashboard or alert on the health details sees it. */
    public static final HealthStatus STORE_HELD = new HealthStatus("STORE_HELD",
            "a failed or stalled rebuild holds the store: start a new rebuild", true, null);

    private final RebuildingTheStore rebuilding;

    public StoreRebuildHealthIndicator(RebuildingTheStore rebuilding) {
        this.rebuilding = rebuilding;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(result());
    }

    /** The result, worked out now. */
    public HealthResult result() {
        return rebuilding.stalled()
                .map(reason -> HealthResult.builder(NAME, STORE_HELD).details(Map.of("reason", reason)).build())
                .orElseGet(() -> HealthResult.builder(NAME, HealthStatus.UP).build());
    }
}
