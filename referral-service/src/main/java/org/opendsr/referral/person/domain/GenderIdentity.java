package org.opendsr.referral.person.domain;

import java.util.Arrays;
import java.util.Optional;

/** NHS Data Dictionary GENDER IDENTITY CODE. */
public enum GenderIdentity {
    MALE("1", "Male (including trans man)"),
    FEMALE("2", "Female (including trans woman)"),
    NON_BINARY("3", "Non-binary"),
    OTHER("4", "Other (not listed)"),
    NOT_STATED("Z", "Not stated (person asked but declined to provide a response)"),
    NOT_KNOWN("X", "Not known (not recorded)");

    public static final String CODES = "1 (male), 2 (female), 3 (non-binary), 4 (other), Z (not stated) or X (not known)";

    private final String code;
    private final String description;

    GenderIdentity(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public static Optional<GenderIdentity> ofCode(String code) {
        return Arrays.stream(values()).filter(identity -> identity.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
