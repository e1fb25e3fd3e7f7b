package org.opendsr.meeting.shared.adapters.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.GivenOrLeftOut;
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
        if (value == null || value.isBlank()) {
            throw RuleBroken.invalid(field, "is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        return parsed(type, field, value);
    }

    /**
     * The choice, or null when left out. A blank one is refused (issue 15): "" is not a way to leave a choice out, and
     * read as one it would record, say, a meeting outcome with no rating when one was sent.
     */
    public static <E extends Enum<E>> @Nullable E optional(Class<E> type, String field, @Nullable String value) {
        return GivenOrLeftOut.value(field, value).map(given -> parsed(type, field, given)).orElse(null);
    }

    private static <E extends Enum<E>> E parsed(Class<E> type, String field, String value) {
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
