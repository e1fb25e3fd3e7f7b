package org.opendsr.referral.retention.domain;

/**
 * The ground of UK GDPR Article 17(1) a DSR lead found applies to an erasure request. A code, never free text: what
 * is kept of an erased person must not describe them. (Art. 17(1)(f), children's information society services, does
 * not apply to the DSR.)
 */
public enum Article17Ground {
    /** (a) no longer necessary for the purposes it was collected for. */
    NO_LONGER_NECESSARY,
    /** (b) consent withdrawn and no other lawful basis. */
    CONSENT_WITHDRAWN,
    /** (c) an objection under Art. 21 with no overriding legitimate grounds. */
    OBJECTION,
    /** (d) processed unlawfully. */
    UNLAWFULLY_PROCESSED,
    /** (e) erasure needed to comply with a legal obligation. */
    LEGAL_OBLIGATION
}
