package org.opendsr.referral.notifications.domain;

/**
 * Who a message is for, as the person's record says at send time: the person, their representative (a parent or carer
 * on the record), the professional responsible for them on the register, or the professional or agency referrer of a
 * referral (a self or family referrer is the person's side, not this).
 */
public enum RecipientRole {
    PERSON,
    REPRESENTATIVE,
    RESPONSIBLE_PROFESSIONAL,
    REFERRER;

    /** The person and their representative are "the person's side": their refusals and needs apply. */
    public boolean isThePersonsSide() {
        return this == PERSON || this == REPRESENTATIVE;
    }
}
