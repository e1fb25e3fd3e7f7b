package org.opendsr.reporting.store.domain;

import java.util.Objects;

/**
 * A change to who the store's facts belong to, applied after the facts and attributes of the same event: a merge of
 * two records of one person, or an erasure. Both are idempotent (applied twice, the second changes nothing), so a
 * rebuild that replays them reaches the state the live store reached.
 */
public sealed interface PersonChange {

    /**
     * Two records were one person: everything under {@code from} counts as {@code into}'s from now on, including facts
     * that arrive later under {@code from}, so that the person is counted once in a month's figures.
     */
    record Merged(Pseudonym from, Pseudonym into) implements PersonChange {
        public Merged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(into, "into");
        }

        /** A record merged into itself changes nothing. */
        public boolean changesNothing() {
            return from.equals(into);
        }
    }

    /**
     * The person was erased: their facts and attributes are kept (counts, frozen snapshots) but re-keyed to a random
     * pseudonym recorded nowhere, so that nothing is linkable to the erased personId any more.
     */
    record Erased(Pseudonym person) implements PersonChange {
        public Erased {
            Objects.requireNonNull(person, "person");
        }
    }
}
