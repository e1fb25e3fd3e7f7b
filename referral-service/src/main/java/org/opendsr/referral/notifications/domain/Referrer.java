package org.opendsr.referral.notifications.domain;

/**
 * A professional or agency referrer as the referral recorded them, read at send time: their name when the record has
 * it (an agency referrer's, or the professional's key-professional entry), and their work e-mail (the professional's
 * token {@code email} claim at intake, or the agency's referrer).
 */
public record Referrer(String name, String email) {

    /** Contact details stay out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "Referrer[redacted]";
    }
}
