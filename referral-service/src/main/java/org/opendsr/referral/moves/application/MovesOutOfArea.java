package org.opendsr.referral.moves.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.referral.moves.domain.MoveOutOfArea;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** People on the register who moved out of area, waiting for (or resolved by) the DSR team they moved away from. */
public interface MovesOutOfArea {

    /** One open item as the worklist shows it: who (as the other worklists show them), from where, since when. */
    record Line(UUID moveId, UUID personId, String givenName, String familyName, String fromArea, Instant movedAt,
                UUID registerEntryId, @Nullable String responsibleProfessional) {
        @Override
        public String toString() {
            return "MovesOutOfArea.Line[moveId=" + moveId + ", personal data redacted]";
        }
    }

    /** Adds the item unless the person already has an open one: false then, and nothing is written. */
    boolean addUnlessOpen(MoveOutOfArea move);

    /**
     * Open items, oldest move first (keyset paging): every area's when {@code everyArea} (a lead), else the items of
     * moves from the given areas.
     */
    KeysetPage<Line> open(boolean everyArea, List<String> areas, PageRequest page);

    /** The item, locked for a change until the transaction ends. */
    Optional<MoveOutOfArea> lockedById(UUID moveId);

    void saveResolution(MoveOutOfArea move);
}
