package org.opendsr.risk.shared.domain;

/** Why a person's rating changed. */
public enum RatingCause {
    /** Accepted onto the register with the referrer's indicative rating. */
    INDICATIVE_AT_ACCEPTANCE,
    /** A professional, the DSR team or a lead decided it. */
    DECIDED,
    /** Agreed at a meeting (tracking meeting, MbE, C(E)TR). */
    AGREED_AT_MEETING,
    /** An agency reported an admission (or someone recorded one by rating BLUE): BLUE at once. */
    ADMISSION,
    /** Discharged from hospital: RED, not lowered for 14 days. */
    DISCHARGE,
    /** Still BLUE; where they are an inpatient was recorded (it sets the inpatient C(E)TR frequency). */
    INPATIENT_SETTING_RECORDED
}
