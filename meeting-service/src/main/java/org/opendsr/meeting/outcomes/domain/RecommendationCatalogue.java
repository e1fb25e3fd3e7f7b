package org.opendsr.meeting.outcomes.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.opendsr.kit.rules.RuleBroken;

/**
 * The service types a meeting may recommend, each with the label people read (configured per deployment:
 * {@code dsr.meeting.recommendations.catalogue}). The type is what reporting counts service gaps by, so it is a code
 * from this list, never free text.
 */
public final class RecommendationCatalogue {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final Map<String, String> labels;
    private final Map<String, String> ordered;

    /** @param labels service type code to label, in the order people see them */
    public RecommendationCatalogue(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw RuleBroken.invalid("dsr.meeting.recommendations.catalogue", "must name at least one service type");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        labels.forEach((code, label) -> {
            if (code == null || !CODE.matcher(code).matches()) {
                throw RuleBroken.invalid("dsr.meeting.recommendations.catalogue",
                        "service types are codes like INTENSIVE_SUPPORT_TEAM");
            }
            if (label == null || label.isBlank()) {
                throw RuleBroken.invalid("dsr.meeting.recommendations.catalogue." + code, "needs a label");
            }
            checked.put(code, label.strip());
        });
        this.labels = Map.copyOf(checked);
        this.ordered = java.util.Collections.unmodifiableMap(checked);
    }

    /** The type, if the catalogue has it; else refused naming {@code field}. */
    public String known(String field, String serviceType) {
        if (serviceType == null || serviceType.isBlank()) {
            throw RuleBroken.invalid(field, "is required: one of " + String.join(", ", ordered.keySet()));
        }
        if (!labels.containsKey(serviceType)) {
            throw RuleBroken.invalid(field, "is not in the recommendations catalogue: one of "
                    + String.join(", ", ordered.keySet()));
        }
        return serviceType;
    }

    public String labelOf(String serviceType) {
        return labels.getOrDefault(serviceType, serviceType);
    }

    /** Every type and its label, in the configured order. */
    public Map<String, String> entries() {
        return ordered;
    }
}
