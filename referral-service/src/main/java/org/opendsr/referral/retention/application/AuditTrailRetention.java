package org.opendsr.referral.retention.application;

/** The audit trail's own retention: entries older than its period purged from the chain's oldest end. */
public interface AuditTrailRetention {

    /** Purges what the audit's period allows, as of the service's clock, in its own transaction; how many. */
    long purgeOlderThanItsPeriod();
}
