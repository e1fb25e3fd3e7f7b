package org.opendsr.referral.rights.domain;

/**
 * What a person objects to (UK GDPR Article 21, against processing for a public task): the parts of the DSR's work
 * an objection can be about, so that objections can be counted and looked for, with the person's words beside them.
 */
public enum ObjectionGround {
    /** Being held on the register at all. */
    BEING_ON_THE_REGISTER,
    /** Information about them shared with agencies and professionals (care and treatment reviews, meetings). */
    SHARING_WITH_AGENCIES,
    /** Being contacted by the DSR (letters, texts, e-mails, reminders). */
    CONTACT_FROM_THE_DSR,
    /** Their record counted in reporting, even pseudonymised. */
    USE_IN_REPORTING,
    /** Anything else: the details say what. */
    OTHER
}
