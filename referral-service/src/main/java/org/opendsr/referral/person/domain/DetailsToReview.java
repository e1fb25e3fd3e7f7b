package org.opendsr.referral.person.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A referral for someone the DSR already knows may carry details that differ from their record: a new address, a
 * name changed on marriage, a diagnosis confirmed. A referrer is not the person's record keeper, and one typing
 * error should not overwrite what the DSR team checked, so a differing detail is kept on the referral for the DSR
 * team to review and apply; only what the record lacks is filled in. A detail the referral leaves out is not a
 * difference.
 */
public final class DetailsToReview {

    private DetailsToReview() {
    }

    /**
     * The referred values (by field name, as the request names them) that differ from the held ones. Values are
     * compared as people type them: case and spacing do not make a difference, and names are compared as
     * {@link PossibleDuplicates} compares them.
     */
    public static Map<String, String> of(Map<String, String> held, Map<String, String> referred) {
        Map<String, String> differing = new LinkedHashMap<>();
        referred.forEach((field, value) -> {
            String heldValue = held.get(field);
            if (value != null && !value.isBlank() && heldValue != null && !heldValue.isBlank()
                    && !same(field, heldValue, value)) {
                differing.put(field, value.trim());
            }
        });
        return differing;
    }

    private static boolean same(String field, String held, String referred) {
        if (field.endsWith("Name")) {
            return PossibleDuplicates.comparable(held).equals(PossibleDuplicates.comparable(referred));
        }
        return Objects.equals(tidy(held), tidy(referred));
    }

    private static String tidy(String value) {
        return value.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
