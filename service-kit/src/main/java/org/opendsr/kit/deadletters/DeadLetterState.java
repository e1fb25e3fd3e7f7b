package org.opendsr.kit.deadletters;

/** Where a dead letter is in its handling by a lead. */
public enum DeadLetterState {
    /** Not yet handled: it can be replayed (unless its personal data was redacted) or discarded. */
    WAITING,
    /** Processed by its consumer group's handler on replay (or found processed meanwhile): done. */
    REPLAYED,
    /** A lead decided it is not to be processed, and said why: done. */
    DISCARDED
}
