package org.opendsr.referral.lifecycle.application;

import org.opendsr.referral.lifecycle.domain.Referral;

/**
 * The referrer hears of their referral: a self or family referrer that it arrived, every referrer its outcome. Called
 * in the transaction that receives or decides the referral, so that the message is queued with it or not at all (the
 * notifier implements it).
 */
public interface TellingTheReferrer {

    /** A referral was received (only a self or family referrer is sent an acknowledgement). */
    void received(Referral referral);

    /** A referral was accepted or declined: the outcome is due to the referrer within 2 working days. */
    void decided(Referral referral);

    /** Tells nobody: for tests of other use cases. */
    TellingTheReferrer NOBODY = new TellingTheReferrer() {
        @Override
        public void received(Referral referral) {
        }

        @Override
        public void decided(Referral referral) {
        }
    };
}
