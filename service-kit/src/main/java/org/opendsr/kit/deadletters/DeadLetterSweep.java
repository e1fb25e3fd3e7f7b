package org.opendsr.kit.deadletters;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code dsr.dead-letters.sweep-interval}: removes the personal data of agency inbound dead letters older than
 * {@code dsr.dead-letters.redact-after}, and forgets dead letters older than {@code dsr.dead-letters.keep-for}. Every
 * replica runs it; both steps are safe to run at once (see {@link DeadLetterOffice#redactDue}).
 */
@Singleton
@Requires(property = "dsr.dead-letters.sweep-enabled", notEquals = "false")
public class DeadLetterSweep {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSweep.class);

    private final DeadLetterOffice office;

    public DeadLetterSweep(DeadLetterOffice office) {
        this.office = office;
    }

    @Scheduled(fixedDelay = "${dsr.dead-letters.sweep-interval:15m}",
            initialDelay = "${dsr.dead-letters.sweep-initial-delay:1m}")
    void sweepOnSchedule() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("The dead-letter sweep failed; it runs again at its next interval: {}", SafeThrowables.summary(e));
        }
    }

    /** Redacts, then forgets, what is due now; returns how many were redacted. */
    public int sweep() {
        int redacted = office.redactDue();
        int forgotten = office.forgetExpired();
        if (redacted > 0 || forgotten > 0) {
            LOG.info("Dead-letter office: {} agency dead letter(s) redacted, {} forgotten", redacted, forgotten);
        }
        return redacted;
    }
}
