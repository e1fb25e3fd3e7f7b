package org.opendsr.referral.notifications.domain;

import java.util.Objects;

/**
 * How someone wants to be contacted: a preferred channel (none: the DSR chooses from the details held), the accessible
 * format, the language when it is not English, and whether they asked not to be contacted. referral-service's record
 * holds none of these today, so everyone has {@link #NOT_RECORDED}: the README says so, and the rules below already
 * honour each when it is recorded.
 */
public record CommunicationNeeds(Channel preferredChannel, AccessibleFormat format, String language,
                                 boolean askedNotToBeContacted) {

    public static final CommunicationNeeds NOT_RECORDED =
            new CommunicationNeeds(null, AccessibleFormat.STANDARD, null, false);

    public CommunicationNeeds {
        Objects.requireNonNull(format, "format");
    }
}
