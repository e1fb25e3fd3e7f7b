package org.opendsr.risk.obligations.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two records found to be the same person are merged, and a person has one open obligation of a kind. Where both
 * records had one, the one due sooner stands (support never waits longer because of a merge; on the same day, the
 * survivor's) and the other is closed as not needed, saying why. Closed obligations of both stay as history.
 */
public final class MergedObligations {

    /** The reason recorded on an obligation closed because the survivor holds one of its kind. */
    public static final String REASON = "Two records of the same person were merged; the obligation of this kind "
            + "due sooner stands";

    private MergedObligations() {
    }

    /** Closes the open obligations held twice, returning the changes to store and publish. */
    public static List<ObligationChange> closeHeldTwice(List<Obligation> duplicates, List<Obligation> survivors,
                                                        LocalDate today, Instant at, String by) {
        List<ObligationChange> changes = new ArrayList<>();
        for (Obligation duplicate : duplicates) {
            if (!duplicate.isOpen()) {
                continue;
            }
            Optional<Obligation> heldToo = survivors.stream()
                    .filter(survivor -> survivor.isOpen() && survivor.kind() == duplicate.kind()).findFirst();
            heldToo.ifPresent(survivor -> {
                Obligation later = duplicate.dueOn().isBefore(survivor.dueOn()) ? survivor : duplicate;
                changes.add(later.notNeeded(REASON, today, at, by));
            });
        }
        return changes;
    }
}
