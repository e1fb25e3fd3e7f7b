package org.opendsr.reporting.store.domain;

import java.util.regex.Pattern;

import org.opendsr.kit.rules.RuleBroken;

/** What the store's text columns accept (V2's CHECK constraints): codes from closed lists, never free text. */
public final class StoreCodes {

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{1,60}$");
    private static final Pattern LOCALITY = Pattern.compile("^[A-Z0-9_-]{1,40}$");
    /**
     * A run of 4 digits (an NHS number, a date, a year), a postcode without its space, or a run of 12 hexadecimal
     * characters (a personId or another record's id in capitals, with or without its hyphens): an identifier, not a
     * code (V4, V8).
     */
    private static final Pattern IDENTIFIER =
            Pattern.compile("[0-9]{4}|^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$|[0-9A-F]{12}");

    private StoreCodes() {
    }

    /** A code (a reason, a status, a service type), or null; anything else is refused. */
    public static String code(String field, String value) {
        if (value != null && (!CODE.matcher(value).matches() || IDENTIFIER.matcher(value).find())) {
            throw RuleBroken.invalid(field, "must be a code of capitals, digits and underscores");
        }
        return value;
    }

    /** A locality code, or null; anything else is refused. */
    public static String locality(String field, String value) {
        if (value != null && (!LOCALITY.matcher(value).matches() || IDENTIFIER.matcher(value).find())) {
            throw RuleBroken.invalid(field, "must be a locality code");
        }
        return value;
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
