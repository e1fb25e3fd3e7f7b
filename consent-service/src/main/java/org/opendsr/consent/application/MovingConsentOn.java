package org.opendsr.consent.application;

import java.time.LocalDate;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentRenewalPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a stored consent up to date before a professional acts on it, with the same move the daily run makes: a
 * consent whose grace period ended yesterday is lapsed, not renewed or withdrawn, even if tonight's run has not
 * reached it yet. The move is saved and published in the caller's transaction.
 */
@Singleton
public class MovingConsentOn {

    private static final Logger LOG = LoggerFactory.getLogger(MovingConsentOn.class);

    private final Consents consents;
    private final ConsentRenewalPolicy policy;
    private final ConsentEvents events;

    public MovingConsentOn(Consents consents, ConsentRenewalPolicy policy, ConsentEvents events) {
        this.consents = consents;
        this.policy = policy;
        this.events = events;
    }

    /** @param consent a consent locked by the caller; moved to the state its dates give today */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Consent upToDate(Consent consent, LocalDate today) {
        consent.moveOn(today, policy).ifPresent(change -> {
            consents.update(consent);
            events.publish(change);
            LOG.info("Consent {} of person {} brought up to date before it was acted on: {}", consent.id(),
                    consent.personId(), consent.state());
        });
        return consent;
    }
}
