package org.opendsr.referral.notifications.domain;

/**
 * Who a message is for, as the person's record says at send time: the person, their representative (a parent or carer
 * on the record), or the professional responsible for them on the register.
 */
public enum RecipientRole {
    PERSON,
    REPRESENTATIVE,
    RESPONSIBLE_PROFESSIONAL;

    /** The person and their representative are "the person's side": their refusals and needs apply. */
    public boolean isThePersonsSide() {
        return this != RESPONSIBLE_PROFESSIONAL;
    }
}
