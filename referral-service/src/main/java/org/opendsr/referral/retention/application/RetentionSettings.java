package org.opendsr.referral.retention.application;

import java.time.Period;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.referral.retention.domain.RetentionPeriods;

/**
 * {@code dsr.retention.*}: how long referral-service keeps a person's record once the DSR's work with them has ended,
 * and which services confirm an erasure. The audit trail's own period is the kit's {@code dsr.audit.retention}
 * (default P8Y), purged by the kit and by each retention run.
 */
@ConfigurationProperties("dsr.retention")
public class RetentionSettings {

    private String archiveAfter = "P6M";
    private String eraseAfter = "P6Y";
    private int maxPerRun = 1000;
    private List<String> expectedConfirmations = List.of("consent-service", "risk-service", "meeting-service",
            "reporting-service");

    /** ISO-8601 period (DSR_RETENTION_ARCHIVE_AFTER), default P6M. */
    public String getArchiveAfter() {
        return archiveAfter;
    }

    public void setArchiveAfter(String archiveAfter) {
        this.archiveAfter = archiveAfter;
    }

    /** ISO-8601 period (DSR_RETENTION_ERASE_AFTER), default P6Y. */
    public String getEraseAfter() {
        return eraseAfter;
    }

    public void setEraseAfter(String eraseAfter) {
        this.eraseAfter = eraseAfter;
    }

    /** At most this many records changed by one run (one transaction); the next run continues. */
    public int getMaxPerRun() {
        return maxPerRun;
    }

    public void setMaxPerRun(int maxPerRun) {
        if (maxPerRun < 1) {
            throw new IllegalArgumentException("dsr.retention.max-per-run must be at least 1");
        }
        this.maxPerRun = maxPerRun;
    }

    /** The services that confirm each erasure (by the name they publish in ErasureConfirmed.service). */
    public List<String> getExpectedConfirmations() {
        return expectedConfirmations;
    }

    public void setExpectedConfirmations(List<String> expectedConfirmations) {
        this.expectedConfirmations = List.copyOf(expectedConfirmations);
    }

    public RetentionPeriods periods() {
        return new RetentionPeriods(Period.parse(archiveAfter), Period.parse(eraseAfter));
    }
}
