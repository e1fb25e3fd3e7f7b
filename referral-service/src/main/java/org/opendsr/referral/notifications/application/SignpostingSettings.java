package org.opendsr.referral.notifications.application;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.referral.notifications.domain.Signposting;

/**
 * {@code dsr.referral.signposting.*}: where the DSR sends people instead, in each area's words. {@code crisis-line}
 * is said to the person's side in every referral message; {@code reasons.<DECLINE_REASON>} is the default text per
 * decline reason; {@code localities.<LOCALITY>.<DECLINE_REASON>} an area's own text in its place. Keys are read
 * whatever their case or separators ({@code MAIN_NEED_IS_AN_EHCP}, {@code main-need-is-an-ehcp}); an unknown reason
 * is refused at start.
 */
@ConfigurationProperties("dsr.referral.signposting")
public class SignpostingSettings {

    private String crisisLine = "If you or someone else needs help now, call NHS 111 and select option 2 (mental"
            + " health crisis), or call 999 in an emergency.";
    private Map<String, String> reasons = Map.of();
    private Map<String, Map<String, String>> localities = Map.of();

    public String getCrisisLine() {
        return crisisLine;
    }

    public void setCrisisLine(String crisisLine) {
        this.crisisLine = crisisLine;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public void setReasons(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    public Map<String, Map<String, String>> getLocalities() {
        return localities;
    }

    public void setLocalities(Map<String, Map<String, String>> localities) {
        this.localities = Map.copyOf(localities);
    }

    /** The configured texts as the domain rule reads them. */
    public Signposting signposting() {
        Map<String, Map<DeclineReason, String>> byLocality = new HashMap<>();
        localities.forEach((locality, texts) -> byLocality.put(code(locality), byReason(texts)));
        return new Signposting(crisisLine, byReason(reasons), byLocality);
    }

    private static Map<DeclineReason, String> byReason(Map<String, String> texts) {
        Map<DeclineReason, String> byReason = new EnumMap<>(DeclineReason.class);
        texts.forEach((reason, text) -> byReason.put(DeclineReason.valueOf(code(reason)), text));
        return byReason;
    }

    private static String code(String key) {
        return key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
