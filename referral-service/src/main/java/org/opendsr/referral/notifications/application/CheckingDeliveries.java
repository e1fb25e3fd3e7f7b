package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;
import org.opendsr.referral.notifications.application.MessageSender.DeliveryReport;
import org.opendsr.referral.shared.application.Now;

/**
 * Asks the provider what became of the messages it took, and records the receipt: DELIVERED, or FAILED_PERMANENT
 * with the provider's reason (the DSR team's worklist: the person was not reached, so someone must try another way).
 * A message still on its way is asked about again later, less and less often, until receipts are no longer to be
 * expected ({@code dsr.notifications.await-delivery-for}, 7 days: GOV.UK Notify keeps a message's status that long);
 * it then stays SENT, with the last status the provider gave. Polling rather than Notify's delivery-receipt callbacks:
 * a callback needs an endpoint Notify can reach from the internet, which an ICB's cluster often does not have.
 * Safe with several replicas, as the sender is: claims with SKIP LOCKED and a lease. Each step is one statement, its
 * own transaction (the adapter's); the provider is asked outside any transaction.
 */
@Singleton
public class CheckingDeliveries {

    private final DeliveryChecks checks;
    private final MessageSender sender;
    private final NotificationSettings settings;
    private final Clock clock;

    public CheckingDeliveries(DeliveryChecks checks, MessageSender sender, NotificationSettings settings,
                              Clock clock) {
        this.checks = checks;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many messages were asked about */
    public int checkDue() {
        List<DeliveryChecks.Awaited> due = claim();
        for (DeliveryChecks.Awaited awaited : due) {
            record(awaited, sender.deliveryOf(awaited.providerReference()));
        }
        return due.size();
    }

    private List<DeliveryChecks.Awaited> claim() {
        Instant now = Now.of(clock);
        return checks.claimDue(now, settings.getBatchSize(), now.plus(settings.getClaimFor()));
    }

    void record(DeliveryChecks.Awaited awaited, DeliveryReport report) {
        Instant now = Now.of(clock);
        if (report instanceof DeliveryReport.Delivered delivered) {
            checks.delivered(awaited.notificationId(), delivered.at());
        } else if (report instanceof DeliveryReport.Undelivered undelivered) {
            checks.undelivered(awaited.notificationId(), undelivered.reason(), now);
        } else if (report instanceof DeliveryReport.NotYetKnown notYet) {
            Instant next = now.plus(settings.deliveryCheckAfter(awaited.checks()));
            boolean stillExpected = next.isBefore(awaited.sentAt().plus(settings.getAwaitDeliveryFor()));
            checks.checkAgainAt(awaited.notificationId(), stillExpected ? next : null, notYet.providerStatus());
        }
    }
}
