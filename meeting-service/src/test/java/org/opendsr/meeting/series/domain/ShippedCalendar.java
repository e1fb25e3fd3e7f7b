package org.opendsr.meeting.series.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.opendsr.kit.calendar.GovUkBankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/** The working-day calendar from the England and Wales bank holidays the kit ships (GOV.UK's published list). */
final class ShippedCalendar {

    static final WorkingDayCalendar CALENDAR = load();

    private ShippedCalendar() {
    }

    private static WorkingDayCalendar load() {
        try (InputStream in = GovUkBankHolidays.class.getResourceAsStream("/bank-holidays/england-and-wales.json")) {
            if (in == null) {
                throw new IllegalStateException("the kit's shipped bank holidays are not on the classpath");
            }
            return new WorkingDayCalendar(GovUkBankHolidays.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
