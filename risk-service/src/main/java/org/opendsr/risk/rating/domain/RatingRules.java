package org.opendsr.risk.rating.domain;

import org.opendsr.kit.rules.RuleBroken;

/**
 * The configurable part of the rating rules. The floor after discharge is 14 days by default (DOMAIN.md: "on discharge
 * they are RED for at least 2 weeks"); an ICB may lengthen it, never remove it.
 */
public record RatingRules(int dischargeFloorDays) {

    public static final int DEFAULT_DISCHARGE_FLOOR_DAYS = 14;

    public RatingRules {
        if (dischargeFloorDays < 1) {
            throw RuleBroken.invalid("dsr.risk.discharge-floor-days", "must be at least 1 day");
        }
    }
}
