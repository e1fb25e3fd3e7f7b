package org.opendsr.referral.person.application;

import io.micronaut.core.annotation.Nullable;

/**
 * A professional involved in the person's care, with contact details. A DSR user id (their token's subject) makes a
 * request for the DSR team to confirm them as a key professional; neither it nor an e-mail grants anything by
 * itself (issue 11).
 */
public record NewKeyProfessional(String name, String role, String organisation, @Nullable String phone,
                                 @Nullable String email, @Nullable String userId) {

    @Override
    public String toString() {
        return "NewKeyProfessional[details redacted]";
    }
}
