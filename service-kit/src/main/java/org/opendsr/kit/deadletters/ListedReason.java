package org.opendsr.kit.deadletters;

import java.util.regex.Pattern;

/**
 * The reason of a dead letter as a lead's list shows it. The kit writes every reason ({@code dsr.dlt.reason}) from
 * its own words, never from the record's values: fixed sentences for unreadable records and unknown types, class names
 * and SQL states for handler failures ({@code SafeThrowables.summary}), a broken rule's own detail (written to carry no
 * personal data), and for a schema violation the JSON Schema validator's messages, which name the place in the data
 * (e.g. {@code $.dateOfBirth}) and the rule but never the value. The one exception: a property the schema does not
 * allow is named as the sender spelt it, and on an agency inbound topic the sender is outside the DSR, so quoted names
 * in those reasons are left out.
 */
public final class ListedReason {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    static final int MAX_LENGTH = 1_000;

    private ListedReason() {
    }

    public static String of(String reason, boolean fromOutsideTheDsr) {
        if (reason == null) {
            return "";
        }
        String listed = fromOutsideTheDsr ? QUOTED.matcher(reason).replaceAll("'…'") : reason;
        return listed.length() <= MAX_LENGTH ? listed : listed.substring(0, MAX_LENGTH) + "…";
    }
}
