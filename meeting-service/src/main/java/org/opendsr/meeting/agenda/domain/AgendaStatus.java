package org.opendsr.meeting.agenda.domain;

/**
 * Where a tracking meeting's agenda is. NOT_YET_ASSEMBLED: before its cut-off (items added by hand wait for it);
 * DRAFT: assembled from the register, and may be regenerated or added to until the meeting is held; FROZEN: the
 * meeting was held and the agenda stays as it was then.
 */
public enum AgendaStatus {
    NOT_YET_ASSEMBLED, DRAFT, FROZEN
}
