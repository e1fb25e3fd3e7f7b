package org.opendsr.referral.person.application;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.referral.person.domain.ContactRelationship;

/** Contact details of the person, a parent or carer, or a paid carer. */
public record NewContact(ContactRelationship relationship, @Nullable String name, @Nullable String phone,
                         @Nullable String email, boolean hasParentalResponsibility) {

    @Override
    public String toString() {
        return "NewContact[" + relationship + ", personal data redacted]";
    }
}
