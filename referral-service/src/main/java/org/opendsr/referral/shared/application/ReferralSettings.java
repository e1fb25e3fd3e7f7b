package org.opendsr.referral.shared.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code dsr.referral.*}: what varies between ICBs and between production and test runs. */
@ConfigurationProperties("dsr.referral")
public class ReferralSettings {

    /** The locality of someone who lives outside the ICB (agency address changes and moves may say so). */
    public static final String OUT_OF_AREA = "OUT_OF_AREA";

    private List<String> localities = List.of();
    private boolean acceptTestNhsNumbers;
    private int firstContactWorkingDays = 5;
    private Map<String, String> agencyAreas = Map.of();

    public List<String> getLocalities() {
        return localities;
    }

    public void setLocalities(List<String> localities) {
        this.localities = List.copyOf(localities);
    }

    public boolean isAcceptTestNhsNumbers() {
        return acceptTestNhsNumbers;
    }

    public void setAcceptTestNhsNumbers(boolean acceptTestNhsNumbers) {
        this.acceptTestNhsNumbers = acceptTestNhsNumbers;
    }

    /**
     * The area (locality code) each agency system works in, as {@code agency-id=AREA} entries
     * ({@code dsr.referral.agency-areas}, env {@code DSR_REFERRAL_AGENCY_AREAS}, comma-separated). An admission report
     * about someone the DSR does not know is that area's DSR team's to look into, and the anonymous
     * admitted-not-on-register signal counts it there; an agency without an area leaves both to every area's team.
     */
    public Optional<String> areaOfAgency(String agencyId) {
        return Optional.ofNullable(agencyAreas.get(agencyId));
    }

    public List<String> getAgencyAreas() {
        return agencyAreas.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    public void setAgencyAreas(List<String> entries) {
        Map<String, String> areas = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("=", -1);
            // The same shapes as an agency id (a topic suffix) and a locality code on the events.
            if (parts.length != 2 || !parts[0].trim().matches("[a-z0-9][a-z0-9-]{0,62}")
                    || !parts[1].trim().matches("[A-Z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("dsr.referral.agency-areas: each entry is agency-id=AREA, e.g. "
                        + "wiltshire-council=WILTSHIRE");
            }
            areas.put(parts[0].trim(), parts[1].trim());
        }
        this.agencyAreas = Map.copyOf(areas);
    }

    /** Working days the DSR team has to make first contact with a new referral (DSR policy: 5). */
    public int getFirstContactWorkingDays() {
        return firstContactWorkingDays;
    }

    public void setFirstContactWorkingDays(int firstContactWorkingDays) {
        if (firstContactWorkingDays < 1 || firstContactWorkingDays > 30) {
            throw new IllegalArgumentException("dsr.referral.first-contact-working-days must be 1 to 30");
        }
        this.firstContactWorkingDays = firstContactWorkingDays;
    }
}
