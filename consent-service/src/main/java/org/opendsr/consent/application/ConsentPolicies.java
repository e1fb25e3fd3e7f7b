package org.opendsr.consent.application;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.opendsr.consent.domain.ConsentRecording;
import org.opendsr.consent.domain.ConsentRenewalPolicy;

/** The DSR's consent rules as configured; created at start-up, so a bad setting stops the service at once. */
@Factory
public class ConsentPolicies {

    @Context
    ConsentRenewalPolicy renewalPolicy(ConsentSettings settings) {
        return settings.policy();
    }

    @Context
    ConsentRecording recording(ConsentRenewalPolicy policy) {
        return new ConsentRecording(policy);
    }
}
