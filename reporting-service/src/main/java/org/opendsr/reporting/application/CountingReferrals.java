package org.opendsr.reporting.application;

import jakarta.inject.Singleton;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.reporting.publishing.domain.ReportingPeriod;

/** Turns each referral received into a count: the month, locality, route and age band, and nothing about who. */
@Singleton
public class CountingReferrals {

    private final ReferralCounts counts;

    public CountingReferrals(ReferralCounts counts) {
        this.counts = counts;
    }

    public void count(ReceivedEvent<ReferralReceived> event) {
        ReferralReceived referral = event.payload();
        counts.addOne(ReportingPeriod.monthOf(referral.receivedAt()), referral.locality(), referral.route().name(),
                referral.ageBand().name());
    }
}
