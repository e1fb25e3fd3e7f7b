package org.opendsr.referral.notifications.domain;

/** The messages the DSR sends, each closing one loop of issue 15. Stable names: they are stored and configured. */
public enum MessageKind {
    /** consent-service's {@code dsr.consent.reminder-due.v1}: renewal is due soon, or overdue within the grace period. */
    CONSENT_REMINDER("consent-reminder");

    private final String templateName;

    MessageKind(String templateName) {
        this.templateName = templateName;
    }

    public String templateName() {
        return templateName;
    }
}
