package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/** How a referral reached the DSR. Reported on (referral source), never identifying. */
@Serdeable
public enum ReferralRoute {
    /** A professional involved in the person's care; the preferred route when a service is involved. */
    PROFESSIONAL,
    /** The person or their family, with a minimal first contact completed later by the DSR team. */
    SELF_OR_FAMILY,
    /** An agency system publishing a referral event to the inbound agency topic. */
    AGENCY_SYSTEM
}
