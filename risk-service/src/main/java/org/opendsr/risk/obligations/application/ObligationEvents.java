package org.opendsr.risk.obligations.application;

import org.opendsr.risk.obligations.domain.ObligationChange;

/**
 * Publishes what happened to obligations in the caller's transaction: {@code obligation-due} (opened or rescheduled),
 * {@code obligation-overdue}, {@code obligation-completed} (done or not needed, never why). A booking is not published.
 */
public interface ObligationEvents {

    void publish(ObligationChange change);
}
