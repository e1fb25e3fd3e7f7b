package org.opendsr.meeting.exceptions.domain;

/** Why a DSR lead declined a request for a Meeting by Exception: words a list may show, no free text. */
public enum DeclineReason {
    /** The tracking meeting can deal with it. */
    TRACKING_MEETING_SUFFICIENT,
    /** A C(E)TR or LAEP is already booked or due that covers it. */
    REVIEW_ALREADY_PLANNED,
    /** Another request for the person is already being dealt with. */
    DUPLICATE_REQUEST,
    /** The person is no longer on the register. */
    PERSON_LEFT_REGISTER,
    /** The person (or those acting for them) did not agree to meet. */
    PERSON_DECLINED
}
