package org.opendsr.referral.person.domain;

import java.util.UUID;

/** A professional involved with the person; {@code userId} links them to a DSR user, giving a need to know. */
public record KeyProfessional(UUID id, UUID personId, int position, String name, String role, String organisation,
                              String phone, String email, String userId) {

    @Override
    public String toString() {
        return "KeyProfessional[id=" + id + ", details redacted]";
    }
}
