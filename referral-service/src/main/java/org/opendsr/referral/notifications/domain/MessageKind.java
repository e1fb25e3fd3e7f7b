package org.opendsr.referral.notifications.domain;

/** The messages the DSR sends, each closing one loop of issue 15. Stable names: they are stored and configured. */
public enum MessageKind {
    /** consent-service's {@code dsr.consent.reminder-due.v1}: renewal is due soon, or overdue within the grace period. */
    CONSENT_REMINDER("consent-reminder"),
    /** A self or family referral was received: when the DSR team will be in touch, and where to go in a crisis. */
    REFERRAL_RECEIVED("referral-received"),
    /** The referral's outcome to the referrer: accepted, or not accepted with the reason and where to go instead. */
    REFERRAL_OUTCOME("referral-outcome"),
    /** A self or family referrer asked the DSR team what is happening with their referral: its status now. */
    REFERRAL_STATUS("referral-status"),
    /** meeting-service's {@code dsr.meeting.feedback-due.v1}: a meeting discussed the person; ask the DSR team. */
    MEETING_FEEDBACK_DUE("meeting-feedback-due"),
    /**
     * meeting-service's {@code dsr.meeting.exception-invitation-requested.v1}: the person's side is invited to a Meeting
     * by Exception (again, saying the time changed, when it moved).
     */
    MEETING_BY_EXCEPTION_INVITATION("meeting-by-exception-invitation"),
    /**
     * meeting-service's {@code dsr.meeting.outcome-recorded.v1}: a meeting discussed the person; the person's side is
     * "kept informed of any developments as a result of discussions and meetings you may not be included in".
     */
    MEETING_OUTCOME_UPDATE("meeting-outcome-update"),
    /**
     * meeting-service's {@code dsr.meeting.meeting-cancelled.v1} for a Meeting by Exception the person's side was
     * invited to: it will not take place (an invitation not yet sent is withheld instead).
     */
    MEETING_BY_EXCEPTION_CANCELLED("meeting-by-exception-cancelled");

    private final String templateName;

    MessageKind(String templateName) {
        this.templateName = templateName;
    }

    public String templateName() {
        return templateName;
    }
}
