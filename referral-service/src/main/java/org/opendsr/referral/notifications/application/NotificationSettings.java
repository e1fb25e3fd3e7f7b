package org.opendsr.referral.notifications.application;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code dsr.notifications.*}: the sender's pace and its retries. Which sender is in use is the adapters' concern. */
@ConfigurationProperties("dsr.notifications")
public class NotificationSettings {

    private int batchSize = 50;
    private int maxAttempts = 10;
    private Duration firstRetryAfter = Duration.ofMinutes(1);
    private Duration longestRetryAfter = Duration.ofHours(6);
    private Duration claimFor = Duration.ofMinutes(5);
    private Duration firstDeliveryCheckAfter = Duration.ofMinutes(1);
    private Duration longestDeliveryCheckAfter = Duration.ofHours(6);
    private Duration awaitDeliveryFor = Duration.ofDays(7);

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getFirstRetryAfter() {
        return firstRetryAfter;
    }

    public void setFirstRetryAfter(Duration firstRetryAfter) {
        this.firstRetryAfter = firstRetryAfter;
    }

    public Duration getLongestRetryAfter() {
        return longestRetryAfter;
    }

    public void setLongestRetryAfter(Duration longestRetryAfter) {
        this.longestRetryAfter = longestRetryAfter;
    }

    public Duration getClaimFor() {
        return claimFor;
    }

    public void setClaimFor(Duration claimFor) {
        this.claimFor = claimFor;
    }

    public Duration getFirstDeliveryCheckAfter() {
        return firstDeliveryCheckAfter;
    }

    public void setFirstDeliveryCheckAfter(Duration firstDeliveryCheckAfter) {
        this.firstDeliveryCheckAfter = firstDeliveryCheckAfter;
    }

    public Duration getLongestDeliveryCheckAfter() {
        return longestDeliveryCheckAfter;
    }

    public void setLongestDeliveryCheckAfter(Duration longestDeliveryCheckAfter) {
        this.longestDeliveryCheckAfter = longestDeliveryCheckAfter;
    }

    public Duration getAwaitDeliveryFor() {
        return awaitDeliveryFor;
    }

    public void setAwaitDeliveryFor(Duration awaitDeliveryFor) {
        this.awaitDeliveryFor = awaitDeliveryFor;
    }

    /** Exponential backoff: the first retry after {@code firstRetryAfter}, doubling each time, capped. */
    public Duration retryAfter(int attemptsSoFar) {
        return doubling(firstRetryAfter, longestRetryAfter, attemptsSoFar);
    }

    /** The same for delivery receipts: asked after {@code firstDeliveryCheckAfter}, then doubling, capped. */
    public Duration deliveryCheckAfter(int checksSoFar) {
        return doubling(firstDeliveryCheckAfter, longestDeliveryCheckAfter, checksSoFar);
    }

    private static Duration doubling(Duration first, Duration longest, int timesSoFar) {
        Duration delay = first;
        for (int i = 1; i < timesSoFar && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
