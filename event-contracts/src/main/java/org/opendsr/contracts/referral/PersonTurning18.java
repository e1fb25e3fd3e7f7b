package org.opendsr.contracts.referral;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A person known to the DSR turns 18 in the month {@code turns18In}: consent given for them as a child must be renewed by
 * the end of it. Month precision on purpose, so no service but referral-service learns a date of birth: it is
 * announced on the first day of a month ahead of that one (two months before it by default, and later only for someone
 * who became known since), so consent-service can give renewal at 18 the same "due soon" window and reminders as
 * yearly renewal; the event's time is the announcement, never the birthday. Announced only for people the other
 * services know: a referral of theirs was announced ({@code dsr.referral.received.v1} came first, on the same key).
 *
 * <p>{@code dsr.person.turning-18.v1} on {@code dsr.referral.events}. Replaces {@link PersonTurned18}, which carried
 * the birthday in its event time and is no longer published.
 *
 * @param turns18In           the month ({@code YYYY-MM}) in which they turn 18 (this month or a later one)
 * @param consentRenewalDueBy the last day of that month: consent given for them as a child must be renewed by then
 */
@Serdeable
public record PersonTurning18(
        UUID personId,
        String turns18In,
        LocalDate consentRenewalDueBy) {

    public PersonTurning18 {
        Objects.requireNonNull(personId, "personId");
        // Parsing refuses anything finer than a month (a day would give the birthday away).
        YearMonth month = YearMonth.parse(Objects.requireNonNull(turns18In, "turns18In"));
        if (consentRenewalDueBy != null && !consentRenewalDueBy.equals(month.atEndOfMonth())) {
            throw new IllegalArgumentException("consentRenewalDueBy must be the last day of turns18In");
        }
    }

    /** The announcement for someone turning 18 in {@code month}. */
    public static PersonTurning18 in(UUID personId, YearMonth month) {
        return new PersonTurning18(personId, month.toString(), month.atEndOfMonth());
    }

    public YearMonth month() {
        return YearMonth.parse(turns18In);
    }
}
