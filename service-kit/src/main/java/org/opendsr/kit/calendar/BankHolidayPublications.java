package org.opendsr.kit.calendar;

import java.time.Instant;
import java.util.Optional;

/**
 * The last good copy of GOV.UK's bank holidays, kept in the database so every replica works from the same dates.
 */
public interface BankHolidayPublications {

    /** GOV.UK's division for England and Wales. */
    String ENGLAND_AND_WALES = "england-and-wales";

    /** The stored publication: GOV.UK's JSON for the division, and when it was fetched. */
    record Stored(String json, Instant fetchedAt) {
    }

    Optional<Stored> latest();

    Optional<Instant> latestFetchedAt();

    void store(String json, Instant fetchedAt);
}
