package org.opendsr.risk.rating.domain;

import java.time.Instant;

/**
 * Two records found to be the same person are merged, and a person has one current rating: the latest decided, by
 * time (the most recent judgement of the risk of admission). Both histories are kept, under the survivor.
 */
public final class MergedRatings {

    private MergedRatings() {
    }

    /**
     * Whether the duplicate's current rating becomes the survivor's.
     *
     * @param duplicatesSince since when the duplicate's current rating holds, null if it has none
     * @param survivorsSince  since when the survivor's current rating holds, null if it has none
     * @return true when the duplicate's is later (or the survivor has none); on the same instant the survivor's stands
     */
    public static boolean duplicatesRatingStands(Instant duplicatesSince, Instant survivorsSince) {
        if (duplicatesSince == null) {
            return false;
        }
        return survivorsSince == null || duplicatesSince.isAfter(survivorsSince);
    }
}
