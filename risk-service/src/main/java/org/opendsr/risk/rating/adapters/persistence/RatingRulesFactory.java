package org.opendsr.risk.rating.adapters.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opendsr.risk.rating.domain.RatingRules;

/** The rating rules from configuration ({@code dsr.risk.discharge-floor-days}, 14 by default). */
@Factory
class RatingRulesFactory {

    @Singleton
    RatingRules ratingRules(@Value("${dsr.risk.discharge-floor-days:14}") int dischargeFloorDays) {
        return new RatingRules(dischargeFloorDays);
    }
}
