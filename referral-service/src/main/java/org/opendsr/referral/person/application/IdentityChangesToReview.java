package org.opendsr.referral.person.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;

/** Identity changes professionals asked for, held for the DSR team to apply or reject. */
public interface IdentityChangesToReview {

    /** One change as asked for; the NHS number as digits. */
    record HeldChange(UUID id, UUID personId, String givenName, String familyName, LocalDate dateOfBirth,
                      @Nullable String nhsNumber, String requestedBy, Instant requestedAt) {
        @Override
        public String toString() {
            return "HeldChange[id=" + id + ", personId=" + personId + ", personal data redacted]";
        }
    }

    void hold(HeldChange change);

    /** The change, while neither applied nor rejected. */
    Optional<HeldChange> open(UUID changeId);

    /** Open changes, oldest first, after the given one (keyset), at most {@code size}. */
    List<HeldChange> oldestOpen(@Nullable UUID after, int size, PersonScope scope);

    void resolve(UUID changeId, String resolution, @Nullable String reason, String resolvedBy, Instant at);
}
