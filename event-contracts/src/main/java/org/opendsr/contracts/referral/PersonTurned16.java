package org.opendsr.contracts.referral;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A person known to the DSR as a child turned 16 in a month that has now ended: from the first day of the next month
 * they are certainly 16, so the Mental Capacity Act 2005 applies to them (a best-interests decision, a welfare deputy).
 * A referral's {@code under16} is fixed at referral; this tells consumers when it stops being true.
 *
 * <p>Month precision on purpose, as for {@link PersonTurning18}: announced on the first day of the month after the
 * birthday's (the event's time is then, never the birthday), so no service but referral-service learns a date of
 * birth. Knowing only the month, a consumer may treat the person as 16 from the first of the next month, not before.
 *
 * <p>{@code dsr.person.turned-16.v1} on {@code dsr.referral.events}.
 *
 * @param turned16In the month ({@code YYYY-MM}) in which they turned 16; never the day
 */
@Serdeable
public record PersonTurned16(
        UUID personId,
        String turned16In) {

    public PersonTurned16 {
        Objects.requireNonNull(personId, "personId");
        // Parsing refuses anything finer than a month (a day would give the birthday away).
        YearMonth.parse(Objects.requireNonNull(turned16In, "turned16In"));
    }

    /** The announcement for someone who turned 16 in {@code month}. */
    public static PersonTurned16 in(UUID personId, YearMonth month) {
        return new PersonTurned16(personId, month.toString());
    }

    public YearMonth month() {
        return YearMonth.parse(turned16In);
    }

    /** The first day on which someone known only to have turned 16 in {@link #month()} is certainly 16. */
    public LocalDate certainly16From() {
        return month().plusMonths(1).atDay(1);
    }
}
