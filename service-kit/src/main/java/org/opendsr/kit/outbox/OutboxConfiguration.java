package org.opendsr.kit.outbox;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code dsr.outbox.*}: how the relay runs in this service. */
@ConfigurationProperties("dsr.outbox")
public class OutboxConfiguration {

    private boolean relayEnabled = true;
    private Duration pollInterval = Duration.ofMillis(500);
    private int batchSize = 500;
    private Duration retention = Duration.ofDays(7);
    private Duration purgeInterval = Duration.ofHours(1);
    private Duration standbyInterval = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private boolean validatePayloads;

    public OutboxRelay.Settings toSettings() {
        return new OutboxRelay.Settings(pollInterval, batchSize, retention, purgeInterval, standbyInterval, maxBackoff);
    }

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getPurgeInterval() {
        return purgeInterval;
    }

    public void setPurgeInterval(Duration purgeInterval) {
        this.purgeInterval = purgeInterval;
    }

    public Duration getStandbyInterval() {
        return standbyInterval;
    }

    public void setStandbyInterval(Duration standbyInterval) {
        this.standbyInterval = standbyInterval;
    }

    /**
     * Whether {@link Outbox#append} checks each payload against its JSON Schema. Off in production: payloads are the
     * service's own typed contract records, checked at the trust boundaries instead. On in tests
     * ({@code DsrTestEnvironment}), so that a payload that does not match its schema still fails a test.
     */
    public boolean isValidatePayloads() {
        return validatePayloads;
    }

    public void setValidatePayloads(boolean validatePayloads) {
        this.validatePayloads = validatePayloads;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }
}
