package org.opendsr.meeting.agenda.domain;

/**
 * Why a person is on a tracking meeting's agenda, as a code a screen or a report can rely on (each item also says it
 * in plain words, {@link ItemReason#why()}). The order is the order an item lists its reasons in.
 */
public enum AgendaReason {
    /** Currently an inpatient (BLUE): the register's own section, discussed first. */
    BLUE,
    /** At risk of admission without urgent support (RED): discussed at every meeting. */
    RED,
    /** AMBER with the multi-agency review the rating obliges due by the next meeting. */
    AMBER_DUE_REVIEW,
    /** Referred since the last meeting (accepted or not yet decided). */
    NEW_REFERRAL,
    /** Accepted onto the register since the last meeting. */
    ACCEPTED,
    /** The rating changed since the last meeting. */
    RATING_CHANGED,
    /** An update the rating asks for was not posted in time. */
    UPDATE_OVERDUE,
    /** Consent is due for renewal by the next meeting, or overdue. */
    CONSENT_RENEWAL_DUE,
    /** Consent lapsed or was withdrawn: nothing to renew, removal from the register is expected. */
    CONSENT_ENDED,
    /** Actions agreed at an earlier meeting are overdue. */
    ACTION_OVERDUE,
    /** A review the rating obliges (a C(E)TR, a visit, a keyworker referral...) is due by the next meeting. */
    REVIEW_DUE,
    /** Added by the DSR team, with their one-line reason. */
    ADDED_BY_HAND
}
