package org.opendsr.reporting.store.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The month a fact reached the DSR: the later of the month it happened in and the month its event was published,
 * both in England (Europe/London, so an event published at 23:30 UTC on 31 July during BST arrived in August).
 */
public final class ArrivedMonth {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private ArrivedMonth() {
    }

    /** The first day of the arrival month. */
    public static LocalDate of(LocalDate occurredOn, Instant published) {
        YearMonth happened = YearMonth.from(occurredOn);
        YearMonth arrived = YearMonth.from(published.atZone(ENGLAND));
        return (arrived.isAfter(happened) ? arrived : happened).atDay(1);
    }

    /** The day an instant falls on in England. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ENGLAND).toLocalDate();
    }
}
