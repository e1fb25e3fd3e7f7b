package org.opendsr.risk.obligations.application;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.opendsr.risk.obligations.domain.ObligationPolicy;

/** The obligation policy as configured; created at start-up, so a bad setting stops the service at once. */
@Factory
public class ObligationPolicies {

    @Context
    ObligationPolicy obligationPolicy(ObligationSettings settings) {
        return new ObligationPolicy(settings.timescales());
    }
}
