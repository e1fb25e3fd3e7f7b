package org.opendsr.risk.obligations.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few texts an obligation keeps (why it is not needed, the partners who would join a C(E)TR) name reasons,
 * agencies and services, never people. A name cannot be recognised reliably, so the rule is documented for users
 * and these texts are never logged or put on an event; what can be recognised (an email address, a phone or NHS
 * number, several lines) is refused.
 */
final class PlainWords {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /** Eight or more digits, spaces or hyphens allowed between them: phone numbers and NHS numbers. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?:\\d[\\s-]?){8,}");

    private PlainWords() {
    }

    /** What is wrong with a required one-line text, if anything. */
    static Optional<String> problemWith(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (text.strip().length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
            return Optional.of("must be one line of text");
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of("must not contain an email address: name an agency, a service or a reason, never a person");
        }
        if (LONG_NUMBER.matcher(text).find()) {
            return Optional.of("must not contain a phone number, NHS number or other identifier");
        }
        return Optional.empty();
    }
}
