package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A best-interests decision under the Mental Capacity Act 2005: the person was assessed as lacking capacity to
 * consent on {@code capacityAssessedOn}, and a decision maker, named by role only (e.g. "Consultant psychiatrist"),
 * decided being on the DSR is in their best interests.
 */
public record BestInterestsDecision(LocalDate capacityAssessedOn, String decisionMakerRole) {

    public BestInterestsDecision {
        Objects.requireNonNull(capacityAssessedOn, "capacityAssessedOn");
        Objects.requireNonNull(decisionMakerRole, "decisionMakerRole");
    }

    /** The role is free text and must not be a name: it stays out of logs. */
    @Override
    public String toString() {
        return "BestInterestsDecision[capacityAssessedOn=" + capacityAssessedOn + ", decisionMakerRole redacted]";
    }
}
