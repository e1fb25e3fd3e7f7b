package org.opendsr.referral.retention.application;

import java.time.Clock;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.lifecycle.ErasureConfirmed;
import org.opendsr.referral.shared.application.Now;

/**
 * Each service's confirmation that it erased what it held under an erased personId, kept for the lead's "erasure
 * complete" view. A confirmation can only follow our dsr.person.erased.v1, but one about a personId with no tombstone
 * here is kept all the same (never dead-lettered): it is evidence of an erasure, and harmless.
 */
@Singleton
public class FollowingErasureConfirmations {

    private final Erasures erasures;
    private final Clock clock;

    public FollowingErasureConfirmations(Erasures erasures, Clock clock) {
        this.erasures = erasures;
        this.clock = clock;
    }

    @Transactional
    public void confirmed(ErasureConfirmed confirmation) {
        erasures.confirm(new Erasures.Confirmation(confirmation.personId(), confirmation.service(),
                confirmation.recordsErased(), confirmation.erasedAt(), Now.of(clock)));
    }
}
