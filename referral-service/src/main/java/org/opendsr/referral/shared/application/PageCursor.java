package org.opendsr.referral.shared.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.opendsr.kit.rules.RuleBroken;

/**
 * The opaque {@code after} cursor of a listing: the sort key of the last line shown, so that the next page starts
 * right after it. Only ids, times and dates go in one, never a name or any other personal data (a cursor travels in
 * URLs, so in access logs): a listing sorted by name keys its cursor by the person's id and looks the name up.
 */
public final class PageCursor {

    private static final String SEPARATOR = "|";

    private PageCursor() {
    }

    public static String of(Object... key) {
        StringBuilder joined = new StringBuilder();
        for (Object part : key) {
            if (!joined.isEmpty()) {
                joined.append(SEPARATOR);
            }
            joined.append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor holds, in order; refused (400 naming {@code after}) unless it has the listing's parts. */
    public static List<String> key(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> key = List.of(joined.split("\\" + SEPARATOR, -1));
            if (key.size() == parts && key.stream().noneMatch(String::isEmpty)) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // Refused below, as any other cursor this listing did not give.
        }
        throw notACursor();
    }

    public static RuleBroken notACursor() {
        return RuleBroken.invalid("after", "is not a cursor this listing gave: use the next of the page before, or "
                + "leave it out for the first page");
    }

    // A cursor's parts, refused as a whole (400 naming after) when one is not what the listing put there.

    public static java.util.UUID uuidPart(String part) {
        try {
            return java.util.UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    public static java.time.Instant instantPart(String part) {
        try {
            return java.time.Instant.parse(part);
        } catch (java.time.format.DateTimeParseException e) {
            throw notACursor();
        }
    }

    public static java.time.LocalDate datePart(String part) {
        try {
            return java.time.LocalDate.parse(part);
        } catch (java.time.format.DateTimeParseException e) {
            throw notACursor();
        }
    }
}
