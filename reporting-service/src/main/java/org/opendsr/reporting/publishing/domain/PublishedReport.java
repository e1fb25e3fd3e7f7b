package org.opendsr.reporting.publishing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opendsr.reporting.measures.domain.Measure;

/**
 * A period's report as it leaves the service: nothing in it but figures that passed disclosure control.
 *
 * @param status FINAL when every month of the period has been cut (frozen: the report never changes again),
 *               PROVISIONAL while any is open or still to come
 * @param cutAt  when the latest of its cut months was cut; null if none has been
 */
public record PublishedReport(ReportingPeriod period, Status status, Instant cutAt, String disclosureControl,
                              List<PublishedMeasure> measures, List<PublishedRestatement> restatements) {

    /** Whether the figures can still change. */
    public enum Status {
        FINAL, PROVISIONAL
    }

    public PublishedReport {
        measures = List.copyOf(measures);
        restatements = List.copyOf(restatements);
    }

    public Optional<PublishedMeasure> measure(Measure measure) {
        return measures.stream().filter(published -> published.measure() == measure).findFirst();
    }
}
