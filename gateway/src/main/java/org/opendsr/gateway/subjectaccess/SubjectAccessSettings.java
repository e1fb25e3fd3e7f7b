package org.opendsr.gateway.subjectaccess;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code dsr.gateway.subject-access}: which services contribute a part to a subject access export (each answers
 * {@code /subject-access/<service>/people/<personId>} and is listed under {@code dsr.gateway.services}), and how long
 * the export waits for each before leaving that part PENDING.
 */
@ConfigurationProperties("dsr.gateway.subject-access")
public class SubjectAccessSettings {

    private List<String> contributors = List.of("referral-service", "consent-service", "risk-service",
            "meeting-service");
    private Duration partTimeout = Duration.ofSeconds(20);

    public List<String> getContributors() {
        return contributors;
    }

    public void setContributors(List<String> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    public Duration getPartTimeout() {
        return partTimeout;
    }

    public void setPartTimeout(Duration partTimeout) {
        this.partTimeout = partTimeout;
    }
}
