package org.opendsr.reporting.measures.domain;

/**
 * Whether a figure is a stock or a flow, which decides how months add up to a quarter or a financial year: a stock
 * (people on the register at month end) is the period's last month; a flow (referrals received in the month) is the
 * sum of its months.
 */
public enum Timing {
    /** As at the end of the month (Europe/London). */
    AT_MONTH_END,
    /** What happened (arrived) during the month. */
    IN_MONTH
}
