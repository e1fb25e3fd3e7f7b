package org.opendsr.referral;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * NHS numbers for tests: from the 999 range, which is never issued, and each passing the Modulus 11 check, so a
 * test can make up as many people as it needs without ever writing a real person's number.
 */
public final class TestNhsNumbers {

    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private TestNhsNumbers() {
    }

    /** A valid number in the test range that no other test of this JVM has been given. */
    public static String next() {
        while (true) {
            StringBuilder digits = new StringBuilder("999");
            for (int i = 0; i < 6; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            int check = checkDigitOf(digits.toString());
            if (check != 10 && HANDED_OUT.add(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
    }

    /** As people write it: 999 123 4560. */
    public static String formatted(String digits) {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    private static int checkDigitOf(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.digit(nineDigits.charAt(i), 10) * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }
}
