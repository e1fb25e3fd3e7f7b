package org.opendsr.consent.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the consent API, sensible by default and changed one field at a time. */
public final class ConsentRequests {

    public static final String FORM_KEPT_AT = "Scanned to the community learning disability team record";
    public static final String DECISION_MAKER_ROLE = "Consultant psychiatrist";

    private ConsentRequests() {
    }

    public static Map<String, Object> informedConsent(UUID personId, LocalDate givenOn) {
        Map<String, Object> request = new HashMap<>();
        request.put("personId", personId.toString());
        request.put("basis", "INFORMED_CONSENT");
        request.put("givenBy", "THE_PERSON");
        request.put("givenOn", givenOn.toString());
        request.put("explainedWith", "EASY_READ");
        request.put("formKeptAt", FORM_KEPT_AT);
        return request;
    }

    public static Map<String, Object> parentalResponsibility(UUID personId, LocalDate givenOn) {
        return with(with(informedConsent(personId, givenOn), "basis", "PARENTAL_RESPONSIBILITY"), "givenBy", "PARENT");
    }

    public static Map<String, Object> bestInterestsDecision(UUID personId, LocalDate givenOn) {
        Map<String, Object> request = informedConsent(personId, givenOn);
        request.put("basis", "BEST_INTERESTS_DECISION");
        request.put("givenBy", "BEST_INTERESTS_DECISION_MAKER");
        request.put("bestInterests", Map.of("capacityAssessedOn", givenOn.minusDays(2).toString(),
                "decisionMakerRole", DECISION_MAKER_ROLE));
        return request;
    }

    public static Map<String, Object> renewalOf(Map<String, Object> request, String consentId) {
        return with(request, "renewalOf", consentId);
    }

    public static Map<String, Object> withdrawal(String reason) {
        return new HashMap<>(Map.of("reason", reason));
    }

    /** A copy with one field set, or removed when the value is null. */
    public static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(request);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }
}
