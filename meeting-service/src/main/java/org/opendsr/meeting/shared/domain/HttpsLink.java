package org.opendsr.meeting.shared.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.opendsr.kit.rules.RuleBroken;

/**
 * meeting-service's one rule for an online meeting link (a series', a meeting's, a booked review's): https only, with
 * a host and no credentials in it, at most 500 characters. The scheme is written lowercase ("HTTPS://x" is stored as
 * "https://x"), so what is stored is what the tables' own checks and calendar clients expect; the check is here, at
 * the request, never left to a database constraint.
 */
public final class HttpsLink {

    public static final int MAX_LENGTH = 500;

    private HttpsLink() {
    }

    /** The link, stripped and with a lowercase scheme; refused naming {@code field} otherwise. */
    public static String checked(String field, String link) {
        if (link == null || link.isBlank()) {
            throw RuleBroken.invalid(field, "must be an https URL");
        }
        String stripped = link.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw RuleBroken.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw RuleBroken.invalid(field, "must be an https URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw RuleBroken.invalid(field, "must be an https URL");
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + stripped.substring(uri.getScheme().length());
    }
}
