package org.opendsr.referral.person.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes as Royal Mail writes them (outward code, space, inward code), e.g. "SN1 2JH". */
public final class PostcodeFormat {

    /** Outward code: area and district (A9, A99, AA9, AA99, A9A, AA9A); inward code: sector and unit (9AA). */
    public static final String PATTERN = "(?i)^\\s*[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}\\s*$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private PostcodeFormat() {
    }

    public static boolean isValid(String text) {
        return text != null && COMPILED.matcher(text).matches();
    }

    /** Upper case, one space before the inward code: "sn12jh" becomes "SN1 2JH". */
    public static String normalise(String text) {
        String compact = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
