package org.opendsr.meeting.exceptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.WorkingHours;

/** A Meeting by Exception falls within working hours; a refusal names the field at fault and the UK time. */
class ExceptionTimesTest {

    private final WorkingHours hours = new WorkingHours(new WorkingDayCalendar(BankHolidays.statutoryOnly()));

    /** UK time on a day (December: GMT, so UK time and UTC agree; the test below in June checks BST). */
    private static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(LocalTime.of(hour, 0)).atZone(WorkingHours.ENGLAND).toInstant();
    }

    private void assertRefused(Instant start, Instant end, String field, String says) {
        assertThatThrownBy(() -> ExceptionTimes.requireWithinWorkingHours(hours, start, end))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(says);
                });
    }

    @Test
    void sixInTheEveningIsRefusedNamingStartsAtAndTheTime() {
        assertRefused(at("2026-12-09", 18), at("2026-12-09", 19), "startsAt", "18:00");
    }

    @Test
    void tenInTheMorningOnAWorkingDayIsWithin() {
        assertThatCode(() -> ExceptionTimes.requireWithinWorkingHours(hours, at("2026-12-09", 10),
                at("2026-12-09", 11))).doesNotThrowAnyException();
    }

    @Test
    void inSummerTimeTheHoursAreUkHours() {
        // 09:00 UK time in June is 08:00 UTC: within; 17:30 UK time is not.
        assertThatCode(() -> ExceptionTimes.requireWithinWorkingHours(hours, Instant.parse("2027-06-09T08:00:00Z"),
                Instant.parse("2027-06-09T09:00:00Z"))).doesNotThrowAnyException();
        assertRefused(Instant.parse("2027-06-09T16:30:00Z"), Instant.parse("2027-06-09T17:00:00Z"), "startsAt",
                "17:30");
    }

    @Test
    void endingAfterFiveIsRefusedNamingEndsAt() {
        assertRefused(at("2026-12-09", 16), at("2026-12-09", 18), "endsAt", "18:00");
    }

    @Test
    void aWeekendOrABankHolidayIsRefusedNamingStartsAt() {
        assertRefused(at("2026-12-12", 10), at("2026-12-12", 11), "startsAt", "Saturday");
        assertRefused(at("2026-12-25", 10), at("2026-12-25", 11), "startsAt", "bank holiday");
    }

    @Test
    void missingTimesAreNamed() {
        assertRefused(null, at("2026-12-09", 11), "startsAt", "required");
        assertRefused(at("2026-12-09", 10), null, "endsAt", "required");
        assertRefused(at("2026-12-09", 11), at("2026-12-09", 10), "endsAt", "after it starts");
    }
}
