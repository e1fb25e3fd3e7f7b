package org.opendsr.contracts;

/**
 * Stable CloudEvents {@code type} values: {@code dsr.<context>.<what happened>.v<version>}. Never a Java class
 * name, so a refactoring cannot change what is on the wire. A breaking change is a new version, published
 * side by side with the old one until every consumer has moved.
 */
public final class EventTypes {

    public static final String REFERRAL_RECEIVED_V1 = "dsr.referral.received.v1";
    public static final String REFERRAL_CONTACTED_V1 = "dsr.referral.contacted.v1";
    public static final String REFERRAL_ACCEPTED_V1 = "dsr.referral.accepted.v1";
    public static final String REFERRAL_DECLINED_V1 = "dsr.referral.declined.v1";
    public static final String REFERRAL_WITHDRAWN_V1 = "dsr.referral.withdrawn.v1";
    public static final String REGISTER_PERSON_REMOVED_V1 = "dsr.register.person-removed.v1";
    public static final String REGISTER_RESPONSIBILITY_CHANGED_V1 = "dsr.register.responsibility-changed.v1";
    /** Anonymous, keyed by the admission report's id: someone not on the register was admitted (issue 14). */
    public static final String REGISTER_ADMITTED_NOT_ON_REGISTER_V1 = "dsr.register.admitted-not-on-register.v1";
    /** No longer published (its event time was the birthday); consent-service still reads it from old records. */
    public static final String PERSON_TURNED_18_V1 = "dsr.person.turned-18.v1";
    public static final String PERSON_TURNING_18_V1 = "dsr.person.turning-18.v1";
    /** The month a person turned 16, announced after it has ended: the Mental Capacity Act applies from 16 (issue 15). */
    public static final String PERSON_TURNED_16_V1 = "dsr.person.turned-16.v1";
    public static final String PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1 = "dsr.person.keyworker-referral-suggested.v1";
    public static final String PERSON_ADMISSION_REPORTED_V1 = "dsr.person.admission-reported.v1";
    public static final String PERSON_DISCHARGE_REPORTED_V1 = "dsr.person.discharge-reported.v1";
    public static final String PERSON_MOVED_V1 = "dsr.person.moved.v1";
    public static final String PERSON_CONTACT_DETAILS_CHANGED_V1 = "dsr.person.contact-details-changed.v1";
    public static final String PERSON_CARE_TEAM_CHANGED_V1 = "dsr.person.care-team-changed.v1";
    /** The information lifecycle (issue 16): a person erased, two records merged, processing restricted. */
    public static final String PERSON_ERASED_V1 = "dsr.person.erased.v1";
    public static final String PERSON_MERGED_V1 = "dsr.person.merged.v1";
    public static final String PERSON_PROCESSING_RESTRICTED_V1 = "dsr.person.processing-restricted.v1";
    /** Each service's confirmation that it erased what it held under an erased personId. */
    public static final String CONSENT_ERASURE_CONFIRMED_V1 = "dsr.consent.erasure-confirmed.v1";
    public static final String RISK_ERASURE_CONFIRMED_V1 = "dsr.risk.erasure-confirmed.v1";
    public static final String MEETING_ERASURE_CONFIRMED_V1 = "dsr.meeting.erasure-confirmed.v1";
    public static final String REPORTING_ERASURE_CONFIRMED_V1 = "dsr.reporting.erasure-confirmed.v1";
    public static final String CONSENT_RECORDED_V1 = "dsr.consent.recorded.v1";
    public static final String CONSENT_RENEWAL_DUE_V1 = "dsr.consent.renewal-due.v1";
    public static final String CONSENT_OVERDUE_V1 = "dsr.consent.overdue.v1";
    public static final String CONSENT_REMINDER_DUE_V1 = "dsr.consent.reminder-due.v1";
    public static final String CONSENT_LAPSED_V1 = "dsr.consent.lapsed.v1";
    public static final String CONSENT_WITHDRAWN_V1 = "dsr.consent.withdrawn.v1";
    public static final String RISK_RATING_CHANGED_V1 = "dsr.risk.rating-changed.v1";
    public static final String RISK_UPDATE_POSTED_V1 = "dsr.risk.update-posted.v1";
    public static final String RISK_UPDATE_OVERDUE_V1 = "dsr.risk.update-overdue.v1";
    public static final String RISK_OBLIGATION_DUE_V1 = "dsr.risk.obligation-due.v1";
    public static final String RISK_OBLIGATION_OVERDUE_V1 = "dsr.risk.obligation-overdue.v1";
    public static final String RISK_OBLIGATION_COMPLETED_V1 = "dsr.risk.obligation-completed.v1";
    public static final String MEETING_SCHEDULED_V1 = "dsr.meeting.meeting-scheduled.v1";
    public static final String MEETING_HELD_V1 = "dsr.meeting.meeting-held.v1";
    public static final String MEETING_CANCELLED_V1 = "dsr.meeting.meeting-cancelled.v1";
    public static final String MEETING_OUTCOME_RECORDED_V1 = "dsr.meeting.outcome-recorded.v1";
    public static final String MEETING_RATING_AGREED_V1 = "dsr.meeting.rating-agreed.v1";
    public static final String MEETING_ACTION_DUE_V1 = "dsr.meeting.action-due.v1";
    public static final String MEETING_ACTION_OVERDUE_V1 = "dsr.meeting.action-overdue.v1";
    public static final String MEETING_ACTION_DONE_V1 = "dsr.meeting.action-done.v1";
    public static final String MEETING_RECOMMENDATION_MADE_V1 = "dsr.meeting.recommendation-made.v1";
    public static final String MEETING_RECOMMENDATION_MET_V1 = "dsr.meeting.recommendation-met.v1";
    public static final String MEETING_RECOMMENDATION_UNMET_V1 = "dsr.meeting.recommendation-unmet.v1";
    public static final String MEETING_REVIEW_BOOKED_V1 = "dsr.meeting.review-booked.v1";
    public static final String MEETING_REVIEW_HELD_V1 = "dsr.meeting.review-held.v1";
    public static final String MEETING_REVIEW_CANCELLED_V1 = "dsr.meeting.review-cancelled.v1";
    public static final String MEETING_EXCEPTION_INVITATION_REQUESTED_V1 = "dsr.meeting.exception-invitation-requested.v1";
    public static final String MEETING_FEEDBACK_DUE_V1 = "dsr.meeting.feedback-due.v1";
    public static final String AGENCY_REFERRAL_SUBMITTED_V1 = "dsr.agency.referral-submitted.v1";
    public static final String AGENCY_ADDRESS_CHANGED_V1 = "dsr.agency.address-changed.v1";
    public static final String AGENCY_CONTACT_DETAILS_CHANGED_V1 = "dsr.agency.contact-details-changed.v1";
    public static final String AGENCY_ADMISSION_REPORTED_V1 = "dsr.agency.admission-reported.v1";
    public static final String AGENCY_DISCHARGE_REPORTED_V1 = "dsr.agency.discharge-reported.v1";
    // v2 of the updates adds the date of birth: an update must match NHS number and date of birth (issue 11).
    public static final String AGENCY_ADDRESS_CHANGED_V2 = "dsr.agency.address-changed.v2";
    public static final String AGENCY_CONTACT_DETAILS_CHANGED_V2 = "dsr.agency.contact-details-changed.v2";
    public static final String AGENCY_ADMISSION_REPORTED_V2 = "dsr.agency.admission-reported.v2";
    public static final String AGENCY_DISCHARGE_REPORTED_V2 = "dsr.agency.discharge-reported.v2";
    public static final String GATEWAY_ACCESS_RECORDED_V1 = "dsr.gateway.access-recorded.v1";

    private EventTypes() {
    }
}
