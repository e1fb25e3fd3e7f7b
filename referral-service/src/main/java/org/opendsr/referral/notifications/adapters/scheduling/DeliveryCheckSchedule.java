package org.opendsr.referral.notifications.adapters.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.referral.notifications.application.CheckingDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the provider about sent messages whose receipt is due, every minute ({@code dsr.notifications.check-every}),
 * on every replica: each claims its own (SKIP LOCKED).
 */
@Singleton
public class DeliveryCheckSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryCheckSchedule.class);

    private final CheckingDeliveries checking;

    public DeliveryCheckSchedule(CheckingDeliveries checking) {
        this.checking = checking;
    }

    @Scheduled(fixedDelay = "${dsr.notifications.check-every:1m}", initialDelay = "${dsr.notifications.check-every:1m}")
    void checkDue() {
        try {
            int checked = checking.checkDue();
            while (checked > 0) {
                LOG.info("Notifications: {} delivery receipt(s) asked for", checked);
                checked = checking.checkDue();
            }
        } catch (RuntimeException e) {
            // A claimed message whose check was not recorded is due again once its lease ends.
            LOG.error("Checking deliveries failed; the next run tries again", SafeThrowables.redacted(e));
        }
    }
}
