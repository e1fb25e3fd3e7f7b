package org.opendsr.referral.notifications.domain;

import java.util.List;

/**
 * Someone a message goes to, resolved at send time: their name, the channel, where it goes (an e-mail address or a
 * mobile number; for a letter the postal address lines) and the form they need it in.
 */
public record Addressee(RecipientRole role, String name, Channel channel, String destination,
                        List<String> postalAddress, AccessibleFormat format, String language) {

    public Addressee {
        postalAddress = postalAddress == null ? List.of() : List.copyOf(postalAddress);
    }

    /** Contact details stay out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "Addressee[role=" + role + ", channel=" + channel + ", contact details redacted]";
    }
}
