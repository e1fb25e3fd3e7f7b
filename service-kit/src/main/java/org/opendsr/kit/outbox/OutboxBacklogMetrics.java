package org.opendsr.kit.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exposes how much waits in the outbox: {@code dsr_outbox_backlog_events} and
 * {@code dsr_outbox_oldest_unpublished_age_seconds}. A growing age is the signal that the broker is
 * unreachable or the relay has stopped: alert on it. Rows the relay parked ({@code dsr_outbox_parked_events}) and
 * the rows waiting behind them ({@code dsr_outbox_held_events}) are counted apart: they need an operator, not a
 * broker, and would otherwise hide a later outage behind an age that only grows (see {@link OutboxRelay}).
 */
@Singleton
public class OutboxBacklogMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklogMetrics.class);

    private final DataSource dataSource;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong held = new AtomicLong();

    public OutboxBacklogMetrics(DataSource dataSource, DataSourceResolver resolver, MeterRegistry meters) {
        this.dataSource = resolver.resolve(dataSource);
        Gauge.builder("dsr.outbox.backlog.events", backlog, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("dsr.outbox.oldest.unpublished.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("dsr.outbox.parked.events", parked, AtomicLong::get)
                .description("Outbox events that can never be published as they are and wait for an operator")
                .register(meters);
        Gauge.builder("dsr.outbox.held.events", held, AtomicLong::get)
                .description("Outbox events waiting behind a parked event of the same person")
                .register(meters);
    }

    @Scheduled(fixedDelay = "${dsr.outbox.metrics-interval:10s}", initialDelay = "1s")
    public void refresh() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT count(*) FILTER (WHERE e.parked_at IS NULL AND NOT held), "
                             + "min(e.created_at) FILTER (WHERE e.parked_at IS NULL AND NOT held), "
                             + "count(*) FILTER (WHERE e.parked_at IS NOT NULL), "
                             + "count(*) FILTER (WHERE e.parked_at IS NULL AND held) "
                             + "FROM (SELECT e.*, " + OutboxRelay.PARKED_BEFORE + " AS held "
                             + "FROM dsr_kit.outbox_event e WHERE e.published_at IS NULL) e")) {
            result.next();
            backlog.set(result.getLong(1));
            Timestamp oldest = result.getTimestamp(2);
            oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toSeconds());
            parked.set(result.getLong(3));
            held.set(result.getLong(4));
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not read the outbox backlog: {}", SafeThrowables.summary(e));
        }
    }

    public long backlog() {
        return backlog.get();
    }

    public long parked() {
        return parked.get();
    }

    public long held() {
        return held.get();
    }
}
