package org.opendsr.reporting.store.domain;

import java.util.Objects;

/**
 * What an event says about a person's reporting attributes ({@code reporting_person}); null = the event does not
 * say, and a known value is never overwritten with null ({@link #then}).
 */
public record PersonAttributes(Pseudonym pseudonym, String ageBand, String lifeStage, String locality,
                               String diagnosis, String ethnicCategory, String referralRoute) {

    public PersonAttributes {
        Objects.requireNonNull(pseudonym, "pseudonym");
        StoreCodes.locality("locality", locality);
        StoreCodes.code("ethnicCategory", ethnicCategory);
    }

    public static PersonAttributes of(Pseudonym pseudonym) {
        return new PersonAttributes(pseudonym, null, null, null, null, null, null);
    }

    /** The same attributes under another pseudonym (a merged record's, written under the one it was merged into). */
    public PersonAttributes under(Pseudonym other) {
        return new PersonAttributes(other, ageBand, lifeStage, locality, diagnosis, ethnicCategory, referralRoute);
    }

    /** These attributes, then a later event's: each later known value wins, an unknown one keeps the earlier. */
    public PersonAttributes then(PersonAttributes later) {
        if (!pseudonym.equals(later.pseudonym)) {
            throw new IllegalArgumentException("another person");
        }
        return new PersonAttributes(pseudonym, or(later.ageBand, ageBand), or(later.lifeStage, lifeStage),
                or(later.locality, locality), or(later.diagnosis, diagnosis), or(later.ethnicCategory, ethnicCategory),
                or(later.referralRoute, referralRoute));
    }

    private static String or(String later, String earlier) {
        return later != null ? later : earlier;
    }
}
