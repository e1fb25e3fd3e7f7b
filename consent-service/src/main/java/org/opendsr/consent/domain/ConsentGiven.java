package org.opendsr.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.consent.ConsentBasis;

/**
 * What was recorded about how consent was given. Never changes once recorded: a correction is a new consent
 * that renews this one.
 *
 * @param basis              the lawful basis
 * @param givenBy            who gave it, by relationship (never a name)
 * @param givenOn            the day it was given: the dates of the lifecycle run from it
 * @param bestInterests      the capacity assessment and decision maker's role; only for a best-interests decision
 * @param explainedWith      the format used to explain it
 * @param explainedWithDetail a few words on the format when it is OTHER
 * @param formKeptAt         where the signed form is kept (forms are never uploaded to the DSR)
 * @param recordedBy         the professional who recorded it (their user id from the token)
 * @param recordedAt         when it was recorded
 * @param renewalOf          the consent this one renews, if any
 */
public record ConsentGiven(
        ConsentBasis basis,
        ConsentGiver givenBy,
        LocalDate givenOn,
        BestInterestsDecision bestInterests,
        ExplanationFormat explainedWith,
        String explainedWithDetail,
        String formKeptAt,
        String recordedBy,
        Instant recordedAt,
        UUID renewalOf) {

    public ConsentGiven {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(givenBy, "givenBy");
        Objects.requireNonNull(givenOn, "givenOn");
        Objects.requireNonNull(explainedWith, "explainedWith");
        Objects.requireNonNull(formKeptAt, "formKeptAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Free text (roles, places) must not reach a log, even by mistake. */
    @Override
    public String toString() {
        return "ConsentGiven[basis=" + basis + ", givenBy=" + givenBy + ", givenOn=" + givenOn
                + ", renewalOf=" + renewalOf + ", free text redacted]";
    }
}
