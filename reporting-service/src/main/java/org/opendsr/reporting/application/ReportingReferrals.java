package org.opendsr.reporting.application;

import java.util.List;

import jakarta.inject.Singleton;
import org.opendsr.reporting.application.ReferralCounts.Breakdown;
import org.opendsr.reporting.domain.DisclosureControl;
import org.opendsr.reporting.domain.ReportingPeriod;

/** Reports on referrals received, every figure after disclosure control. */
@Singleton
public class ReportingReferrals {

    /** Referrals received in a period, as published ({@code "0"}, {@code "*"} or a multiple of 5). */
    public record ReferralsReceived(ReportingPeriod period, String total, List<PublishedCell> byRoute,
                                    List<PublishedCell> byLocality, List<PublishedCell> byAgeBand,
                                    String disclosureControl) {
    }

    public record PublishedCell(String category, String referrals) {
    }

    private final ReferralCounts counts;
    private final DisclosureSettings disclosure;

    public ReportingReferrals(ReferralCounts counts, DisclosureSettings disclosure) {
        this.counts = counts;
        this.disclosure = disclosure;
    }

    public ReferralsReceived referralsReceived(ReportingPeriod period) {
        DisclosureControl control = disclosure.control();
        return new ReferralsReceived(period, control.publish(counts.total(period)),
                published(counts.by(Breakdown.ROUTE, period), control),
                published(counts.by(Breakdown.LOCALITY, period), control),
                published(counts.by(Breakdown.AGE_BAND, period), control),
                control.describe());
    }

    private static List<PublishedCell> published(List<ReferralCounts.Cell> cells, DisclosureControl control) {
        return cells.stream().map(cell -> new PublishedCell(cell.category(), control.publish(cell.count()))).toList();
    }
}
