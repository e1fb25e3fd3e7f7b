package org.opendsr.referral.notifications.application;

import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.notifications.domain.Referrer;

/** The professional or agency referrer of a referral as the record holds them now, read at send time. */
public interface ReferrersOnRecord {

    Optional<Referrer> of(UUID referralId);
}
