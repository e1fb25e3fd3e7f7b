package org.opendsr.referral.subjectaccess.domain;

/** Who made a subject access request. */
public enum RequestedBy {
    /** The person themselves. */
    THE_PERSON,
    /** A parent with parental responsibility, for a child not competent to make it themselves. */
    PARENT_FOR_A_CHILD,
    /** A welfare deputy or a health and welfare attorney. */
    DEPUTY_OR_ATTORNEY,
    /** A solicitor or advocate, with the person's written authority. */
    SOLICITOR_OR_ADVOCATE,
    /** Anyone else acting for them, with their authority. */
    OTHER_AUTHORISED_PERSON
}
