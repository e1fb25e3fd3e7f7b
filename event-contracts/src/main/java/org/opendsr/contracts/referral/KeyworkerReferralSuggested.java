package org.opendsr.contracts.referral;

import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;

/**
 * A keyworker referral is suggested (under 25 at referral, or rated Red, Amber or Blue); once per episode.
 *
 * <p>{@code dsr.person.keyworker-referral-suggested.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record KeyworkerReferralSuggested(
        UUID personId,
        KeyworkerSuggestionReason reason,
        AgeBand ageBand,
        UUID episodeId) {
}
