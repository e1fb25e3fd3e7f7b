package org.opendsr.kit.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for the few one-line texts services keep beside a record (a role, a place, a reason, an agency's name):
 * they name roles, places, services and reasons, never people. A name cannot be recognised reliably, so the rule is
 * documented for users and these texts are never logged or put on an event; what can be recognised (an email
 * address, a phone or NHS number, several lines) is refused. Other control characters never get this far: the kit
 * refuses them in every JSON text it reads ({@code org.opendsr.kit.web.PlainText}).
 */
public final class OneLineText {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /** Eight or more digits, spaces or hyphens allowed between them: phone numbers and NHS numbers. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?:\\d[\\s-]?){8,}");

    private OneLineText() {
    }

    /**
     * What is wrong with a required one-line text, if anything.
     *
     * @param whatToName what the text should name instead of a person, e.g. "a role or a place"
     */
    public static Optional<String> problemWith(String text, int maxLength, String whatToName) {
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
            return Optional.of("must not contain an email address: name " + whatToName + ", never a person");
        }
        if (LONG_NUMBER.matcher(text).find()) {
            return Optional.of("must not contain a phone number, NHS number or other identifier");
        }
        return Optional.empty();
    }
}
