package org.opendsr.referral.person.domain;

import java.util.regex.Pattern;

/** Phone numbers as people write them ("01234 567890", "+44 (0)7700 900123"): 7 to 15 digits, an optional +. */
public final class PhoneNumberFormat {

    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{7,15}");

    private PhoneNumberFormat() {
    }

    public static boolean isValid(String text) {
        return text != null && DIGITS.matcher(compact(text)).matches();
    }

    private static String compact(String text) {
        return text.replace("(0)", "").replaceAll("[\\s().-]", "");
    }
}
