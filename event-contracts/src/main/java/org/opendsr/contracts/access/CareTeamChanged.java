package org.opendsr.contracts.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A person's care team as it now stands, after a membership started or ended or the person moved area: every
 * current member, and the area (locality code) whose DSR team sees them. The whole team rather than the one change,
 * so that a consumer's projection is a replacement it can apply idempotently and can never drift from
 * referral-service's; ended memberships are simply absent (their history stays in referral-service).
 *
 * <p>{@code dsr.person.care-team-changed.v1} on {@code dsr.referral.events}, keyed by personId.
 */
@Serdeable
public record CareTeamChanged(
        UUID personId,
        @Nullable String area,
        // Always written, even empty (a team whose last member left): the schema requires it, and serde omits
        // empty collections by default.
        @JsonInclude(JsonInclude.Include.ALWAYS) List<CareTeamMember> members,
        Instant changedAt) {

    public CareTeamChanged {
        members = List.copyOf(members);
    }
}
