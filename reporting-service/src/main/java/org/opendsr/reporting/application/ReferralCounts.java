package org.opendsr.reporting.application;

import java.time.YearMonth;
import java.util.List;

import org.opendsr.reporting.publishing.domain.ReportingPeriod;

/** Counts of referrals received, per month, locality, route and age band (a port: the persistence adapter). */
public interface ReferralCounts {

    /** The breakdowns a report can show. */
    enum Breakdown {
        ROUTE, LOCALITY, AGE_BAND
    }

    /** One unpublished cell: a category and its raw count. Never leaves the service without disclosure control. */
    record Cell(String category, long count) {
    }

    /** Adds one referral; runs in the consumer's transaction. */
    void addOne(YearMonth month, String locality, String route, String ageBand);

    long total(ReportingPeriod period);

    List<Cell> by(Breakdown breakdown, ReportingPeriod period);
}
