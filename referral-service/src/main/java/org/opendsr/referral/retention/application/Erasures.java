package org.opendsr.referral.retention.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.lifecycle.ErasureGrounds;
import org.opendsr.referral.retention.domain.Article17Ground;

/** What is kept of erased people (tombstones), and each service's confirmation that it erased its own. */
public interface Erasures {

    /** A tombstone: no personal data. {@code requestGround} only for an erasure request. */
    record Erasure(UUID personId, ErasureGrounds grounds, Article17Ground requestGround, Instant erasedAt,
                   String erasedBy, long rowsErased) {
    }

    record Confirmation(UUID personId, String service, long recordsErased, Instant erasedAt, Instant receivedAt) {
    }

    void record(Erasure erasure);

    Optional<Erasure> of(UUID personId);

    /** The newest erasures first, before the given one (keyset: erasedAt, personId), at most {@code limit}. */
    List<Erasure> newest(Instant beforeErasedAt, UUID beforePersonId, int limit);

    long count();

    /** The confirmations received about these people. */
    List<Confirmation> confirmationsOf(List<UUID> personIds);

    /** Records a service's confirmation once (a repeat from the same service changes nothing); true if new. */
    boolean confirm(Confirmation confirmation);
}
