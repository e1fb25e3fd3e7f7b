package org.opendsr.contracts.referral;

import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;

/**
 * A person known to the DSR turned 18 today; consent given for a child must now be renewed. No longer published:
 * its event time was the birthday, which gave the date of birth away; replaced by {@link PersonTurning18}. Consumers
 * still read it from old records.
 *
 * <p>{@code dsr.person.turned-18.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record PersonTurned18(
        UUID personId,
        LifeStage lifeStage,
        AgeBand ageBand) {
}
