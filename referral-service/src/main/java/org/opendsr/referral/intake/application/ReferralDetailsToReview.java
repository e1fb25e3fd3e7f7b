package org.opendsr.referral.intake.application;

import java.util.Map;
import java.util.UUID;

/** Details a referral gave that differ from the person's record, kept for the DSR team to review. */
public interface ReferralDetailsToReview {

    void keep(UUID referralId, Map<String, String> details);

    /** As {@link #keep}, a later value of a field replacing an earlier one (an agency's updates, one after another). */
    void keepLatest(UUID referralId, Map<String, String> details);

    /** By field name, in field order. */
    Map<String, String> of(UUID referralId);
}
