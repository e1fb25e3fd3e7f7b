package org.opendsr.referral.notifications.domain;

import java.util.Objects;

/**
 * How someone wants to be contacted: a preferred channel (none: the DSR chooses from the details held), the accessible
 * format, the language when it is not English, and whether they asked not to be contacted: as the person's record
 * holds them ({@code PUT /people/{id}/communication-preferences}); {@link #NOT_RECORDED} when nothing is recorded.
 */
public record CommunicationNeeds(Channel preferredChannel, AccessibleFormat format, String language,
                                 boolean askedNotToBeContacted) {

    public static final CommunicationNeeds NOT_RECORDED =
            new CommunicationNeeds(null, AccessibleFormat.STANDARD, null, false);

    public CommunicationNeeds {
        Objects.requireNonNull(format, "format");
    }
}
