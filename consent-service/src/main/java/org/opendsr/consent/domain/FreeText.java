package org.opendsr.consent.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few free-text fields of a consent (the decision maker's role, where the form is kept, a format or a
 * withdrawal note) hold roles and places, never names or contact details. A name cannot be recognised reliably,
 * so the rule is documented for users and these texts are never logged; what can be recognised (an email address,
 * a phone or NHS number, several lines of text) is refused.
 */
public final class FreeText {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /** Eight or more digits, spaces or hyphens allowed between them: phone numbers and NHS numbers. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?:\\d[\\s-]?){8,}");

    private FreeText() {
    }

    /** What is wrong with a required text, if anything. */
    public static Optional<String> problemWith(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (text.strip().length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        // Other control characters never get this far: the kit refuses them in every JSON text it reads
        // (org.opendsr.kit.web.PlainText). What is left to refuse here is this rule's own: one line.
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
            return Optional.of("must be one line of text");
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of("must not contain an email address: name a role or a place, never a person");
        }
        if (LONG_NUMBER.matcher(text).find()) {
            return Optional.of("must not contain a phone number, NHS number or other identifier");
        }
        return Optional.empty();
    }

    /** Trimmed, or null when absent or blank. */
    public static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
