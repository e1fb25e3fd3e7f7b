package org.opendsr.meeting.shared.adapters.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One way every meeting-service endpoint reads a choice from a request (a day, a reason, a rating, a status): whatever
 * its case, and refused with a 400 naming the field and listing what it may be.
 */
public final class RequestChoices {

    private RequestChoices() {
    }

    /** The choice, required. */
    public static <E extends Enum<E>> E one(Class<E> type, String field, @Nullable String value) {
        E choice = optional(type, field, value);
        if (choice == null) {
            throw RuleBroken.invalid(field, "is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        return choice;
    }

    /** The choice, or null when left out (absent or blank). */
    public static <E extends Enum<E>> @Nullable E optional(Class<E> type, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleBroken.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Comma-separated choices (e.g. a list's filter); empty when left out. */
    public static <E extends Enum<E>> Set<E> several(Class<E> type, String field, @Nullable String values) {
        Set<E> choices = EnumSet.noneOf(type);
        if (values == null || values.isBlank()) {
            return choices;
        }
        for (String each : values.split(",")) {
            choices.add(one(type, field, each));
        }
        return choices;
    }
}
