package org.opendsr.referral.lifecycle.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every referral the DSR received, kept whole: a referral is read, changed by its own rules, and saved. */
public interface Referrals {

    Optional<Referral> byId(UUID referralId);

    /** The referral an agency system sent with this reference, if it sent one before. */
    Optional<Referral> byAgencyReference(String agencySource, String agencyReference);

    /** A person's referrals, oldest first. */
    List<Referral> ofPerson(UUID personId);

    void add(Referral referral);

    void save(Referral referral);
}
