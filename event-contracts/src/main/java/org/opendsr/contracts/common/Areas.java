package org.opendsr.contracts.common;

import java.util.regex.Pattern;

/**
 * An area (a locality code, as referral events carry it and tokens' {@code areas} claim name it, e.g. SWINDON): the one
 * rule every event schema's {@code area}/{@code locality} pattern states, so a service that checks it at its API
 * refuses exactly what the outbox would refuse at append.
 */
public final class Areas {

    /** The schemas' JSON Schema pattern, verbatim (EventContractsTest checks each schema against it). */
    public static final String PATTERN = "^[A-Z0-9_-]{1,40}$";

    public static final int MAX_LENGTH = 40;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Areas() {
    }

    public static boolean isAreaCode(String area) {
        return area != null && COMPILED.matcher(area).matches();
    }
}
