package org.opendsr.referral.person.domain;

import java.util.UUID;

/** Someone to contact about the person (or the person themself), in the order the record lists them. */
public record Contact(UUID id, UUID personId, int position, ContactRelationship relationship, String name,
                      String phone, String email, boolean hasParentalResponsibility) {

    /** Personal data stays out of logs and messages even if this contact is printed by mistake. */
    @Override
    public String toString() {
        return "Contact[id=" + id + ", personal data redacted]";
    }
}
