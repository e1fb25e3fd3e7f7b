package org.opendsr.meeting.series.domain;

/** What happens to a tracking meeting whose day is an England and Wales bank holiday. */
public enum BankHolidayRule {
    /** It takes place on the next working day instead (the DSR's default: the register is not left a fortnight). */
    MOVE_TO_NEXT_WORKING_DAY,
    /** It does not take place; the next one in the series is the next meeting. */
    SKIP
}
