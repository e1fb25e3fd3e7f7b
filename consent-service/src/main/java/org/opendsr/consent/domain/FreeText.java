package org.opendsr.consent.domain;

import java.util.Optional;

import org.opendsr.kit.rules.OneLineText;

/**
 * The few free-text fields of a consent (the decision maker's role, where the form is kept, a format or a
 * withdrawal note) hold roles and places, never names or contact details. A name cannot be recognised reliably,
 * so the rule is documented for users and these texts are never logged; what can be recognised (an email address,
 * a phone or NHS number, several lines of text) is refused.
 */
public final class FreeText {

    private FreeText() {
    }

    /** What is wrong with a required text, if anything: the kit's one-line rule, naming roles and places. */
    public static Optional<String> problemWith(String text, int maxLength) {
        return OneLineText.problemWith(text, maxLength, "a role or a place");
    }

    /** Trimmed, or null when absent or blank. */
    public static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
