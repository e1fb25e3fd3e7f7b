package org.opendsr.contracts.lifecycle;

/** Why a person's record was erased: the retention rule ran its course, or the person asked (UK GDPR Article 17). */
public enum ErasureGrounds {
    /** Six years (configurable) after the person left the register or their last referral was declined or withdrawn. */
    RETENTION_PERIOD_ENDED,
    /** The person, or someone who speaks for them, asked for erasure and a DSR lead agreed it applies. */
    ERASURE_REQUEST
}
