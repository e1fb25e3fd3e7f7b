package org.opendsr.referral.person.application;

import io.micronaut.core.annotation.Nullable;

/**
 * A professional involved in the person's care. With a DSR user id or an email that matches their token, they may
 * see and update the person's record.
 */
public record NewKeyProfessional(String name, String role, String organisation, @Nullable String phone,
                                 @Nullable String email, @Nullable String userId) {

    @Override
    public String toString() {
        return "NewKeyProfessional[details redacted]";
    }
}
