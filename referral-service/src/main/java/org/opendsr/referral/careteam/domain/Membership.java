package org.opendsr.referral.careteam.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.access.CareTeamRole;

/**
 * One membership of a person's care team, kept with its history: who (the token subject, never an e-mail), in which
 * role, why, from what (the referral or register entry it comes from), started when and by whom, and once it ended,
 * when, by whom and why. A break-glass membership ends by itself at {@code endsAt}.
 */
public record Membership(UUID id, UUID personId, String subject, CareTeamRole role, String reason,
                         UUID referralId, UUID registerEntryId, Instant startedAt, String startedBy,
                         Instant endsAt, Instant endedAt, String endedBy, String endReason,
                         Instant reviewedAt, String reviewedBy) {

    public Membership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static Membership start(UUID personId, String subject, CareTeamRole role, String reason, UUID referralId,
                                   UUID registerEntryId, Instant at, String by, Instant endsAt) {
        return new Membership(UUID.randomUUID(), personId, subject, role, reason, referralId, registerEntryId, at, by,
                endsAt, null, null, null, null, null);
    }

    /** Not ended by anyone and not past its time limit. */
    public boolean inForce(Instant now) {
        return endedAt == null && !startedAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
    }

    /** Ended by someone (or by its reason ending); a time-limited one that merely ran out is not "ended" here. */
    public boolean isEnded() {
        return endedAt != null;
    }

    /** Until when it runs: when it was ended, else its time limit (null while open-ended). */
    public Instant to() {
        return endedAt != null ? endedAt : endsAt;
    }

    public Membership end(Instant at, String by, String why) {
        return new Membership(id, personId, subject, role, reason, referralId, registerEntryId, startedAt, startedBy,
                endsAt, at, by, why, reviewedAt, reviewedBy);
    }

    public Membership reviewed(Instant at, String by) {
        return new Membership(id, personId, subject, role, reason, referralId, registerEntryId, startedAt, startedBy,
                endsAt, endedAt, endedBy, endReason, at, by);
    }
}
