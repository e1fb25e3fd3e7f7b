package org.opendsr.referral.person.domain;

import java.time.Instant;
import java.util.UUID;

/** What changed in a person's record; the record is saved whole after any of them. */
public sealed interface PersonChange {

    UUID personId();

    Instant at();

    record IdentityChanged(UUID personId, Instant at) implements PersonChange {
    }

    /** The person moved (or their address was corrected); other services hear of the new locality only. */
    record AddressChanged(UUID personId, String locality, Instant at) implements PersonChange {
    }

    record DemographicsChanged(UUID personId, Instant at) implements PersonChange {
    }

    record DiagnosisChanged(UUID personId, Instant at) implements PersonChange {
    }

    /** A part kept beside the record changed (contacts, key professionals): the record itself shows it was updated. */
    record PartChanged(UUID personId, String part, Instant at) implements PersonChange {
    }
}
