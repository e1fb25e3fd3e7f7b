package org.opendsr.risk.updates.domain;

import org.opendsr.kit.rules.RuleBroken;

/**
 * What an update says: a brief note of the current risk of admission and any significant change in need, before
 * the tracking meeting. It stays in risk-service: never on an event, never in a log line or an exception message.
 */
public final class UpdateText {

    public static final int MAX_LENGTH = 2000;

    private final String text;

    private UpdateText(String text) {
        this.text = text;
    }

    /** Trimmed; 1 to 2000 characters, else a refusal naming the field {@code text}. */
    public static UpdateText of(String text) {
        if (text == null || text.isBlank()) {
            throw RuleBroken.invalid("text", "text must not be blank");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw RuleBroken.invalid("text", "text must be at most " + MAX_LENGTH + " characters");
        }
        return new UpdateText(trimmed);
    }

    public String value() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpdateText that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Never the text: a stray log of this object says nothing of what was written. */
    @Override
    public String toString() {
        return "UpdateText[redacted, " + text.length() + " characters]";
    }
}
