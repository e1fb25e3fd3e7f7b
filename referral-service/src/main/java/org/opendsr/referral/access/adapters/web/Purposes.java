package org.opendsr.referral.access.adapters.web;

import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.domain.AccessPurpose;

/** The purpose the caller states in {@code X-DSR-Purpose} for reading or changing a record, or the endpoint's own. */
public final class Purposes {

    private Purposes() {
    }

    public static AccessPurpose stated(Caller caller, AccessPurpose byDefault) {
        return caller.purpose(AccessPurpose.class, byDefault, AccessPurpose::isStatedByCallers);
    }
}
