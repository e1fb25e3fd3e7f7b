package org.opendsr.risk.obligations.domain;

/**
 * What opened an obligation: the rating change that obliged it (the same words as the rating's causes), or
 * {@link #RECURRENCE} for the next inpatient C(E)TR or oversight visit, opened when the previous one closed.
 */
public enum OpeningCause {
    INDICATIVE_AT_ACCEPTANCE, DECIDED, AGREED_AT_MEETING, ADMISSION, DISCHARGE, INPATIENT_SETTING_RECORDED,
    /** The previous inpatient C(E)TR or oversight visit was done (or not needed) while the person is still BLUE. */
    RECURRENCE
}
