package org.opendsr.referral.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.opendsr.referral.intake.application.ReferralDetailsToReview;

public class InMemoryReferralDetailsToReview implements ReferralDetailsToReview {

    private final Map<UUID, Map<String, String>> kept = new HashMap<>();

    @Override
    public void keep(UUID referralId, Map<String, String> details) {
        if (!details.isEmpty()) {
            kept.put(referralId, Map.copyOf(details));
        }
    }

    @Override
    public void keepLatest(UUID referralId, Map<String, String> details) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(kept.getOrDefault(referralId, Map.of()));
        merged.putAll(details);
        kept.put(referralId, Map.copyOf(merged));
    }

    @Override
    public Map<String, String> of(UUID referralId) {
        return kept.getOrDefault(referralId, Map.of());
    }
}
