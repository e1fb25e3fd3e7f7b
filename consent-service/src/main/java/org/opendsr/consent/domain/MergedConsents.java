package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * Two records found to be the same person are merged: everything consent-service held under the duplicate moves to
 * the survivor, and a person has at most one open consent. If each record had one open, the one given later stays
 * open (it is the person's most recent decision, and the one whose renewal falls latest); the other closes as
 * {@link ConsentState#SUPERSEDED_BY_MERGE}, naming the one that carries the person's consent on. Closed consents of
 * both stay as history.
 */
public final class MergedConsents {

    /** Given later wins; on the same day, the one recorded later (the later record of the same decision). */
    private static final Comparator<Consent> GIVEN_ORDER = Comparator
            .comparing((Consent consent) -> consent.given().givenOn())
            .thenComparing(consent -> consent.given().recordedAt())
            .thenComparing(Consent::id);

    private MergedConsents() {
    }

    /**
     * Closes the open consent that does not stay open, if both records had one.
     *
     * @param duplicates the duplicate's open consent, if any
     * @param survivors  the survivor's open consent, if any
     * @param mergedOn   the day of the merge
     * @return the consent closed (to be stored), if any
     */
    public static Optional<Consent> closeTheEarlier(Optional<Consent> duplicates, Optional<Consent> survivors,
                                                    LocalDate mergedOn) {
        if (duplicates.isEmpty() || survivors.isEmpty()) {
            return Optional.empty();
        }
        Consent earlier = GIVEN_ORDER.compare(duplicates.get(), survivors.get()) < 0 ? duplicates.get() : survivors.get();
        Consent later = earlier == duplicates.get() ? survivors.get() : duplicates.get();
        earlier.supersededByMerge(later.id(), mergedOn);
        return Optional.of(earlier);
    }
}
