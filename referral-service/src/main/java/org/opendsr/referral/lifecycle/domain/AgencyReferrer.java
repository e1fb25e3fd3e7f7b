package org.opendsr.referral.lifecycle.domain;

/** The professional an agency system names as the referrer, and the agency's own reference for the referral. */
public record AgencyReferrer(String reference, String name, String role, String email, String phone) {

    /** About a person (the referrer): never printed. */
    @Override
    public String toString() {
        return "AgencyReferrer[redacted]";
    }
}
