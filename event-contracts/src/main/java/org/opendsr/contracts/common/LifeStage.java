package org.opendsr.contracts.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Child (under 18) or adult. Events carry this and an {@link AgeBand} instead of a date of birth, which only
 * referral-service holds. It decides the review type (C(E)TR for children, CTR for adults) and consent rules.
 */
@Serdeable
public enum LifeStage {
    CHILD, ADULT;

    public static LifeStage atAge(int years) {
        if (years < 0) {
            throw new IllegalArgumentException("age cannot be negative");
        }
        return years < 18 ? CHILD : ADULT;
    }
}
