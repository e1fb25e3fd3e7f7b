package org.opendsr.referral.notifications.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.opendsr.contracts.referral.DeclineReason;

/**
 * Where to go instead, in the DSR's words, per area: a default text per decline reason, an area's own text where it
 * has one (an EHCP question goes to that area's SEND service), and the crisis line (NHS 111 option 2, or 999 in an
 * emergency), always in a message to the person's side. Configured (ICBs differ), chosen here: plain rules.
 *
 * @param crisisLine  the crisis line, said to the person's side in every referral message
 * @param byReason    the default text per decline reason (a reason without one: nothing said)
 * @param byLocality  per locality code, its own text per decline reason, in place of the default
 */
public record Signposting(String crisisLine, Map<DeclineReason, String> byReason,
                          Map<String, Map<DeclineReason, String>> byLocality) {

    public Signposting {
        Objects.requireNonNull(crisisLine, "crisisLine");
        byReason = Map.copyOf(byReason);
        byLocality = Map.copyOf(byLocality);
    }

    /**
     * The signposting of a declined referral: the area's text for the reason, else the default; to the person's side
     * followed by the crisis line, to a professional referrer without it (they know it).
     */
    public String forDecline(DeclineReason reason, String locality, boolean toThePersonsSide) {
        String text = locality == null ? null
                : byLocality.getOrDefault(locality.trim().toUpperCase(Locale.ROOT), Map.of()).get(reason);
        if (text == null || text.isBlank()) {
            text = byReason.getOrDefault(reason, "");
        }
        return toThePersonsSide ? join(text, crisisLine) : text.trim();
    }

    /** What a message to the person's side about their referral says whatever its state: the crisis line. */
    public String forThePersonsSide() {
        return crisisLine.trim();
    }

    private static String join(String text, String crisis) {
        if (text == null || text.isBlank()) {
            return crisis.trim();
        }
        return text.trim() + " " + crisis.trim();
    }
}
