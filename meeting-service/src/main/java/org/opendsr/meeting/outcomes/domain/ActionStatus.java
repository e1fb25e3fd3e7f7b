package org.opendsr.meeting.outcomes.domain;

/** Where an agreed action stands on a day: OVERDUE is OPEN past its due date, whether or not the sweep has run. */
public enum ActionStatus {
    OPEN, DONE, OVERDUE
}
