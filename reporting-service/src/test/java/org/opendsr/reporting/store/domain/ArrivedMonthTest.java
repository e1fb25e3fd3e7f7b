package org.opendsr.reporting.store.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrivedMonthTest {

    @ParameterizedTest(name = "{0} published {1}: arrived {2}")
    @CsvSource({
            // Published in the month it happened: that month.
            "2026-11-12, 2026-11-12T12:00:00Z, 2026-11-01",
            // BST: 23:30 UTC on 31 July is 00:30 on 1 August in England.
            "2026-07-31, 2026-07-31T23:30:00Z, 2026-08-01",
            "2026-07-31, 2026-07-31T22:59:59Z, 2026-07-01",
            // GMT: 31 December 23:59 UTC is still 31 December in England.
            "2026-12-31, 2026-12-31T23:59:59Z, 2026-12-01",
            "2026-12-31, 2027-01-01T00:00:00Z, 2027-01-01",
            // The end of BST (last Sunday of October): 31 October 23:30 UTC is 31 October 23:30 GMT.
            "2026-10-31, 2026-10-31T23:30:00Z, 2026-10-01",
            // The start of BST: 31 March 23:00 UTC is 1 April 00:00 BST.
            "2026-03-31, 2026-03-31T23:00:00Z, 2026-04-01",
            // Late: happened in October, published in December: December (a restatement).
            "2026-10-15, 2026-12-02T09:00:00Z, 2026-12-01",
            // A business date after its publication (a due day): the month it happened.
            "2027-02-10, 2026-12-02T09:00:00Z, 2027-02-01"})
    void isTheLaterOfTheMonthItHappenedAndTheMonthItWasPublishedInEngland(LocalDate occurredOn, Instant published,
                                                                          LocalDate arrived) {
        assertThat(ArrivedMonth.of(occurredOn, published)).isEqualTo(arrived);
    }

    @ParameterizedTest
    @CsvSource({"2026-07-31T23:30:00Z, 2026-08-01", "2026-12-31T23:59:59Z, 2026-12-31", "2026-06-30T22:59:00Z, 2026-06-30"})
    void aDayIsTheDayInEngland(Instant instant, LocalDate day) {
        assertThat(ArrivedMonth.dayOf(instant)).isEqualTo(day);
    }
}
