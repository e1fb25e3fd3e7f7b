package org.opendsr.referral;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up name endings, so that each test's person is nobody else's possible duplicate. */
public final class TestNames {

    private TestNames() {
    }

    /** Eight letters, e.g. "Qxbrtmla". */
    public static String suffix() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return "-" + Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
