package org.opendsr.meeting.series.adapters.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.adapters.web.RequestChoices;

/** The request's texts read as what they mean, each refusal naming its field (problem+json, never a 500). */
final class Fields {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private Fields() {
    }

    static @Nullable LocalTime time(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            throw RuleBroken.invalid(field, "must be a time HH:mm (UK local time), e.g. 10:00");
        }
    }

    static @Nullable LocalDate date(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw RuleBroken.invalid(field, "must be a date yyyy-MM-dd");
        }
    }

    static @Nullable DayOfWeek day(@Nullable String value) {
        return value == null ? null : choice(DayOfWeek.class, value, "dayOfWeek");
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        return RequestChoices.one(type, field, value);
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw RuleBroken.invalid(field, "is required");
        }
        return value;
    }
}
