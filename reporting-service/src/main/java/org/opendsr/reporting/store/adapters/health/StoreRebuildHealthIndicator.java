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
 * DOWN while a failed or stalled rebuild holds the store (the rebuilding flag stays set on purpose: live listeners
 * hold off and month-end cuts are skipped until a rebuild finishes), so that it is seen: start a new rebuild.
 */
@Singleton
public class StoreRebuildHealthIndicator implements HealthIndicator {

    static final String NAME = "reporting-store";

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
                .map(reason -> HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("reason", reason)).build())
                .orElseGet(() -> HealthResult.builder(NAME, HealthStatus.UP).build());
    }
}
