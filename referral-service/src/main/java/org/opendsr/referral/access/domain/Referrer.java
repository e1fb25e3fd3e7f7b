package org.opendsr.referral.access.domain;

import java.util.Objects;

/**
 * Who made a referral, from their token: the user id and, where the identity provider gives it, their
 * organisation. The referrer stays responsible for keeping the details and RAG current (DSR policy).
 */
public record Referrer(String userId, String organisation) {

    public Referrer {
        Objects.requireNonNull(userId, "userId");
    }
}
