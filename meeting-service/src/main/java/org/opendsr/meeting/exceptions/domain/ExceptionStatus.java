package org.opendsr.meeting.exceptions.domain;

/**
 * Where a request for a Meeting by Exception stands: asked for, scheduled by a DSR lead (the meeting then lives as a
 * {@code Meeting}: held or cancelled there), or declined by a lead with a reason.
 */
public enum ExceptionStatus {
    REQUESTED, SCHEDULED, DECLINED
}
